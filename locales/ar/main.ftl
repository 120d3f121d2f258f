# تطوير — رسائل محرّك المحادثة (العربية الفصحى).
# تحمل المتغيرات $help و$start أمرًا كما يُكتب في قناة الشخص (/help أو !help).
# اختيار صيغة الجمع يكون دائمًا عبر PLURAL($n) (انظر core/src/locale.rs).

## الأخطاء والمدخلات غير الصالحة

error-technical = عذرًا، مشكلة تقنية تمنعني من الرد. لم تُغيّر رسالتك شيئًا؛ أعد المحاولة بعد قليل.
choice-expired = هذا الاختيار غير صالح أو لم يعد صالحًا. استخدم آخر الأزرار التي أرسلتها إليك، أو أعد كتابة الأمر.
flood-slow-down = رسائل كثيرة دفعة واحدة: لن أقرأ الرسائل التالية لمدة دقيقة. أعد المحاولة بعدها، رسالة واحدة في كل مرة.
input-too-long = هذه الرسالة أطول مما أستطيع قراءته (أكثر من { $max } { PLURAL($max) ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}). أرسل رسالة أقصر.
input-empty = لم يصلني أي نص. أرسل { $help } لترى ما يمكنك فعله.
free-text = { $member ->
    [yes] لا أفهم إلا الأوامر. أرسل { $help } لترى ما يمكنك فعله.
   *[no] لا أفهم إلا الأوامر. للانضمام إلى جمعيتك، أرسل { $start } متبوعًا بالرمز الذي أعطتك إياه، ويعرض لك { $help } كل ما سوى ذلك.
}
command-unknown = لا أعرف الأمر { $command }. أرسل { $help } لترى قائمة الأوامر.
command-not-allowed = هذا الأمر غير متاح لدورك. أرسل { $help } لترى ما يمكنك فعله.

## اللغة

language-prompt = اختر لغتك:
language-self-name = العربية
language-set = حسنًا، سأكتب إليك بالعربية.

## الانضمام إلى جمعية

welcome-not-member = مرحبًا بك في تطوير يا { $name }! أرافقك لتتعلّم وتتكوّن وتتعاون مع الجمعيات الأخرى. للبدء، اطلب رمز دعوة من جمعيتك، ثم أرسل { $start } متبوعًا بهذا الرمز. أرسل { $help } لترى ما يمكنك فعله.
start-welcome-back = مرحبًا بعودتك إلى تطوير يا { $name }!
start-joined = مرحبًا بك يا { $name }! لقد انضممت إلى «{ $association }»، ودورك فيها: { $role }.
start-promoted = تمّ ذلك يا { $name }: دورك الآن في «{ $association }»: { $role }.
start-already-member = أنت عضو في «{ $association }» من قبل، ودورك فيها: { $role }. لم يتغيّر شيء.
invite-unknown = رمز الدعوة هذا غير موجود. تحقّق منه لدى جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.
invite-expired = انتهت صلاحية رمز الدعوة هذا. اطلب رمزًا جديدًا من جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.
invite-revoked = أُلغي رمز الدعوة هذا. اطلب رمزًا جديدًا من جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.
invite-used-up = استُعمل رمز الدعوة هذا أقصى عدد مسموح به من المرات. اطلب رمزًا جديدًا من جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.
invite-role-taken-back = سُحب منك دورك في هذه الجمعية بعد صنع هذا الرمز، فلا يعيده إليك. إن كان ذلك خطأ فاطلب رمزًا جديدًا من جمعيتك.
invite-too-many-tries = رموز خاطئة كثيرة على التوالي. أعد المحاولة { PLURAL($minutes) ->
    [one] بعد دقيقة
    [two] بعد دقيقتين
    [few] بعد { $minutes } دقائق
   *[other] بعد { $minutes } دقيقة
} بالرمز الصحيح الذي أعطتك إياه جمعيتك.

## الأدوار

role-volunteer = متطوّع
role-manager = مسؤول
role-coordinator = منسّق
role-admin = مدير المنصة

## المساعدة

help-title = ما يمكنك فعله:
help-argument-code = الرمز
help-start = الانضمام إلى جمعية برمز الدعوة
help-profile = عرض ملفك الشخصي وجمعياتك
help-language = تغيير اللغة
help-help = عرض هذه المساعدة
help-line = { $command } — { $description }
help-footer-member = يمكنك الانضمام إلى جمعية أخرى بالأمر { $start } ورمزها.
help-footer-not-member = ليس لديك رمز بعد؟ اطلبه من جمعيتك.

## الملف الشخصي

profile-title = الملف الشخصي: { $name }
profile-language = اللغة: { $language }
profile-associations = { PLURAL($count) ->
    [zero] لست عضوًا في أي جمعية.
    [one] أنت عضو في جمعية واحدة:
    [two] أنت عضو في جمعيتين:
    [few] أنت عضو في { $count } جمعيات:
    [many] أنت عضو في { $count } جمعيةً:
   *[other] أنت عضو في { $count } جمعية:
}
profile-membership = { $association } ({ $city }): { $role }
profile-platform-role = دورك في المنصة: { $role }

## المساعدة الخاصة بالتعلّم

help-learn = متابعة دروس صناديق الأدوات واختباراتها
help-progress = الاطلاع على تقدّمك ونتائجك
help-review = مراجعة الأسئلة التي حان موعدها اليوم
help-daily = تلقّي درس كل يوم في هذه الساعة (off للإيقاف)
help-argument-time = HH:MM

## صناديق الأدوات والدروس

learn-private-only = { $link ->
    [none] تُتابَع الدروس في محادثة خاصة: راسلني مباشرة، ثم أرسل { $learn }.
   *[other] تُتابَع الدروس في محادثة خاصة: افتح { $link } ثم أرسل { $learn }.
}
learn-empty = لا يوجد أي صندوق أدوات متاح حاليًا. عُد قريبًا!
learn-title = صناديق أدواتك
learn-intro = اختر صندوق أدوات. كل درس بضع رسائل قصيرة يليها اختبار صغير.
learn-toolbox-choice = { $title } ({ $done }/{ $total })
learn-continue-choice = ▶ متابعة: { $lesson }
learn-review-choice = 🔁 مراجعة ({ $count })
toolbox-progress = الدروس المنتهية: { $done } من { $total }.
toolbox-lesson-choice = { $status ->
    [done] ✅ { $title } · { $right }/{ $total }
    [started] ▶ { $title }
   *[new] { $title }
}
toolbox-back-choice = ⬅ كل صناديق الأدوات
lesson-part-header = { $title } · { $part }/{ $parts }
lesson-next-choice = التالي ▶
lesson-quiz-choice = إلى الاختبار ▶
lesson-gone = هذا الدرس لم يعد متاحًا. أرسل { $learn } لرؤية الدروس.

## الاختبارات

quiz-intro = { PLURAL($count) ->
    [zero] اختبار بلا أسئلة.
    [one] اختبار: سؤال واحد. اختر الإجابة الصحيحة.
    [two] اختبار: سؤالان. اختر الإجابة الصحيحة لكل منهما.
    [few] اختبار: { $count } أسئلة. اختر الإجابة الصحيحة لكل سؤال.
    [many] اختبار: { $count } سؤالًا. اختر الإجابة الصحيحة لكل سؤال.
   *[other] اختبار: { $count } سؤال. اختر الإجابة الصحيحة لكل سؤال.
}
quiz-question-number = ({ $number }/{ $total })
quiz-several-answers = يمكن اختيار أكثر من إجابة: أرسل كل الأرقام الصحيحة، مثلًا 1,3.
quiz-right = ✅ إجابة صحيحة!
quiz-wrong = ❌ ليس تمامًا.
quiz-right-answer = الإجابة الصحيحة: { $answer }
quiz-answer-invalid = هذه الإجابة لا تطابق أيًّا من الخيارات المقترحة. اختر من بينها.
quiz-answer-one = هذا السؤال ينتظر إجابة واحدة فقط: اختر واحدة.
quiz-done = انتهى الاختبار: { $right }/{ $total } ({ $percent }٪).
quiz-best = تبقى أفضل نتيجة لك في هذا الدرس { $right }/{ $total }، وهي التي تُحتسب.
quiz-toolbox-done = أحسنت: أنهيت كل دروس «{ $toolbox }»!
quiz-next-lesson-choice = الدرس التالي: { $title } ▶
quiz-retake-choice = 🔁 إعادة الاختبار
quiz-toolbox-choice = ⬅ { $toolbox }

## المراجعة المتباعدة

review-none = لا شيء للمراجعة الآن. ستعود الأسئلة التي أجبت عنها هنا في الوقت المناسب حتى لا تنساها.
review-intro = { PLURAL($count) ->
    [zero] لا أسئلة للمراجعة اليوم.
    [one] مراجعة: سؤال واحد حان موعده اليوم.
    [two] مراجعة: سؤالان حان موعدهما اليوم.
    [few] مراجعة: { $count } أسئلة حان موعدها اليوم.
    [many] مراجعة: { $count } سؤالًا حان موعدها اليوم.
   *[other] مراجعة: { $count } سؤال حان موعدها اليوم.
}
review-done = انتهت المراجعة: { $right }/{ $total } إجابات صحيحة.

## التقدّم

progress-title = تقدّمك
progress-none = لم تبدأ أي درس بعد. أرسل { $learn } لتبدأ.
progress-toolbox = { $percent ->
    [none] { $title }: { $done }/{ $total } دروس
   *[other] { $title }: { $done }/{ $total } دروس · النتيجة { $percent }٪
}
progress-total = المجموع: { $done }/{ $total } دروس منتهية.
progress-reviews = { PLURAL($count) ->
    [zero] لا أسئلة للمراجعة اليوم.
    [one] سؤال واحد للمراجعة اليوم: { $review }
    [two] سؤالان للمراجعة اليوم: { $review }
    [few] { $count } أسئلة للمراجعة اليوم: { $review }
    [many] { $count } سؤالًا للمراجعة اليوم: { $review }
   *[other] { $count } سؤال للمراجعة اليوم: { $review }
}
progress-daily-on = درس اليوم: كل يوم على الساعة { $time } ({ $zone }).
progress-daily-off = درس اليوم: غير مفعّل. لتلقّيه أرسل مثلًا { $example }.

## درس اليوم

daily-private-only = { $link ->
    [none] يُرسَل درس اليوم في محادثة خاصة: راسلني مباشرة ثم أرسل الأمر.
   *[other] يُرسَل درس اليوم في محادثة خاصة: افتح { $link } ثم أرسل الأمر.
}
daily-set = تمّ: درس كل يوم على الساعة { $time } ({ $zone }). يصلك الأول { $day ->
    [today] اليوم.
    [tomorrow] غدًا.
   *[other] يوم { $date }.
} للإيقاف: { $off }.
daily-off = تمّ: لن يصلك درس اليوم بعد الآن. يمكنك إعادة تفعيله متى شئت، مثلًا بـ { $example }.
daily-already-off = درس اليوم غير مفعّل. لتلقّيه كل يوم في الساعة نفسها أرسل مثلًا { $example }.
daily-status = يصلك درس كل يوم على الساعة { $time } ({ $zone }). لتغيير الساعة: { $example }؛ للإيقاف: { $off }.
daily-bad-time = لم أفهم هذه الساعة. اكتبها هكذا: { $example } (من 00:00 إلى 23:59)، أو { $off } للإيقاف.
daily-message-title = 📚 درس اليوم
daily-message-lesson = { $toolbox }: { $lesson }
daily-message-all-done = أنهيت كل دروسك، أحسنت! راجع من حين لآخر حتى لا تنسى.
daily-message-reviews = { PLURAL($count) ->
    [zero] لا أسئلة تنتظر المراجعة.
    [one] وسؤال واحد ينتظر مراجعتك.
    [two] وسؤالان ينتظران مراجعتك.
    [few] و{ $count } أسئلة تنتظر مراجعتك.
    [many] و{ $count } سؤالًا ينتظر مراجعتك.
   *[other] و{ $count } سؤال ينتظر مراجعتك.
}
daily-start-choice = ابدأ الدرس ▶

## المنطقة الزمنية

help-timezone = عرض منطقتك الزمنية أو تغييرها (لمواعيد الدروس والاجتماعات)
help-argument-zone = المنطقة/المدينة
timezone-current = منطقتك الزمنية: { $zone } (الساعة فيها الآن { $time }). لتغييرها أرسل مثلًا { $example }.
timezone-set = تمّ: صارت مواعيدك تتبع المنطقة الزمنية { $zone } (الساعة فيها الآن { $time }).
timezone-unknown = لا أعرف هذه المنطقة الزمنية. اكتب اسمًا من قاعدة IANA، مثلًا { $example } أو Africa/Casablanca.

## الإعلانات والمواضيع المكتومة

help-mute = إيقاف موضوع: الاجتماعات أو الإعلانات أو درس اليوم
help-unmute = استئناف تلقّي موضوع
help-broadcast = إرسال إعلان إلى كل الأعضاء
help-argument-topic = الموضوع
help-argument-text = النص
topic-meetings = اجتماعات
topic-announcements = إعلانات
topic-daily = درس
topic-certificates = شهادات
topic-votes = التصويت
mute-status = { PLURAL($count) ->
    [zero] تصلك كل المواضيع: { $topics }. لإيقاف موضوع: { $mute } متبوعًا بالموضوع.
   *[other] المواضيع الموقوفة: { $muted }. المواضيع الممكنة: { $topics }.
}
mute-unknown = لا أعرف هذا الموضوع. اختر من بين: { $topics } (مثلًا { $mute } إعلانات).
mute-done = تمّ: لن تصلك بعد الآن رسائل «{ $topic }». لاستئنافها: { $unmute } { $topic }.
unmute-done = تمّ: ستصلك من جديد رسائل «{ $topic }».
broadcast-usage = اكتب الإعلان بعد الأمر، مثلًا: { $broadcast } تأجّل اجتماع السبت.
broadcast-preview = إعلان للإرسال — المتلقّون: { $audience }
broadcast-confirm-choice = 📢 أرسل
broadcast-audience-choice = 🎯 اختيار المتلقّين
broadcast-translate-choice = 🌐 إضافة النص بـ{ $language }
broadcast-text-in = بـ{ $language }:
broadcast-ask-text-in = اكتب الإعلان بـ{ $language }. سيصل كلَّ شخص بلغته (وبالفرنسية إن غابت لغته).
broadcast-ask-audience = لمن يُرسَل الإعلان؟
broadcast-cancel-choice = إلغاء
broadcast-cancelled = تمّ الإلغاء: لم يُرسَل الإعلان.
broadcast-queued = { PLURAL($count) ->
    [zero] الإعلان رقم { $id } لم يجد أي متلقٍّ (لا أحد يراسلني في محادثة خاصة بعد، أو أوقف الجميع الإعلانات).
    [one] الإعلان رقم { $id } في طريقه إلى شخص واحد.
    [two] الإعلان رقم { $id } في طريقه إلى شخصين.
    [few] الإعلان رقم { $id } في طريقه إلى { $count } أشخاص.
    [many] الإعلان رقم { $id } في طريقه إلى { $count } شخصًا.
   *[other] الإعلان رقم { $id } في طريقه إلى { $count } شخص.
}
broadcast-report-choice = 📊 متابعة الإرسال
broadcast-report = الإعلان رقم { $id }: أُرسل { $sent }، في الانتظار { $pending }، فشل { $failed }، يتعذّر الوصول إلى { $unreachable }.
broadcast-title = 📢 إعلان

## الاجتماعات

help-meetings = الاطلاع على الاجتماعات التي دُعيت إليها والرد عليها
rsvp-yes = ✅ نعم
rsvp-no = ❌ لا
rsvp-maybe = 🤔 ربما
rsvp-none = لم ترد بعد
rsvp-noted = سُجّل ردّك على «{ $title }»: { $answer }. يمكنك تغييره متى شئت بـ { $meetings }.
rsvp-noted-group = { $name }: { $answer } على «{ $title }».
meeting-invitation = 📅 دعوة إلى اجتماع
meeting-reminder = ⏰ تذكير باجتماع
meeting-cancelled = 🚫 أُلغي الاجتماع
meetings-title = 📅 اجتماع
meeting-when = الموعد: { $when }
meeting-place = المكان: { $place }
meeting-link = عن بُعد: { $link }
meeting-your-answer = ردّك: { $answer }
meeting-gone = هذا الاجتماع لم يعد موجودًا أو أُلغي.
meeting-calendar-choice = 📅 إضافة إلى تقويمي (.ics)
meeting-calendar-sent = 📅 «{ $title }» لتقويمك: افتح هذا الملف لإضافته.
meetings-none = لا اجتماعات قادمة لك.

## تنظيم الاجتماعات

help-newmeeting = إنشاء اجتماع ودعوة المشاركين فيه
help-grouplanguage = (في مجموعة) لغة رسائل الاجتماعات التي تُنشر فيها
help-argument-language = fr|ar|ary
group-language-in-group = أرسل { $command } في المجموعة المعنية متبوعًا باللغة (fr أو ar أو ary).
help-claimgroup = (في مجموعة) إلحاق هذه المجموعة بجمعيتك
help-argument-association = [N]
group-claim-in-group = أرسل { $command } في المجموعة التي تريد إلحاقها بجمعيتك.
group-claim-which = { $associations ->
    [none] حدّد رقم الجمعية: { $command } N.
   *[other] حدّد رقم الجمعية: { $command } N. جمعياتك: { $associations }.
}
group-claimed = تم: هذه المجموعة تابعة الآن لـ«{ $association }». يمكن لمسؤوليها اختيار لغتها ({ $grouplanguage }) ودعوتها إلى الاجتماعات.
group-not-yours = { $association ->
    [none] هذه المجموعة تابعة للمنصة: لا يديرها إلا المنسقون. يمكن لمسؤول إلحاقها بجمعيته بـ{ $command }.
   *[other] هذه المجموعة تابعة لـ«{ $association }»: لا يديرها إلا مسؤولوها والمنسقون.
}
group-language-usage = رسائل الاجتماعات في هذه المجموعة بـ{ $language }. للتغيير: { $command } fr أو ar أو ary.
group-language-set = تم: ستكون رسائل الاجتماعات في هذه المجموعة بـ{ $language }.
help-organize = اجتماعاتك: تعديلها أو إلغاؤها أو تسجيل الحضور
invite-private-only = { $link ->
    [none] يُستعمل رمز الدعوة في محادثة خاصة: راسلني مباشرة، ثم أرسل { $command } متبوعًا بالرمز. لا تُظهره للمجموعة.
   *[other] يُستعمل رمز الدعوة في محادثة خاصة: افتح { $link } ثم أرسل { $command } متبوعًا بالرمز. لا تُظهره للمجموعة.
}
private-data-only = { $link ->
    [none] ما تطلبه معلومات شخصية: راسلني مباشرة، ثم أرسل { $command }.
   *[other] ما تطلبه معلومات شخصية: افتح { $link } ثم أرسل { $command }.
}
organize-private-only = { $link ->
    [none] تُنظَّم الاجتماعات في محادثة خاصة: راسلني مباشرة ثم أرسل { $command }.
   *[other] تُنظَّم الاجتماعات في محادثة خاصة: افتح { $link } ثم أرسل { $command }.
}
meeting-changed = ✏️ عُدِّل الاجتماع
draft-new-heading = 📅 اجتماع جديد
draft-ask-title = ما عنوانه؟
draft-ask-start = متى يبدأ؟ اكتب التاريخ والساعة، مثلًا { $example } (بتوقيت { $zone }؛ أضف منطقة زمنية أخرى بعد الساعة عند الحاجة، مثل { $example } Europe/Paris).
draft-ask-length = كم يدوم؟ اختر، أو اكتب ساعة الانتهاء (12:30).
draft-length-value = { $minutes ->
    [0] { $hours } س
   *[other] { $hours } س { $minutes } د
}
draft-ask-place = أين يُعقد؟ اكتب العنوان، أو تخطَّ إن كان عن بُعد.
draft-ask-link = رابط لمتابعته عن بُعد (https://…)؟ اكتبه، أو تخطَّ.
draft-ask-agenda = جدول الأعمال؟ اكتبه، أو تخطَّ.
draft-ask-repeat = هل يتكرر؟
draft-repeat-none = مرة واحدة
draft-repeat-weekly = كل أسبوع
draft-repeat-fortnightly = كل أسبوعين
draft-repeat-monthly = كل شهر
draft-repeat-custom = وفق جدول خاص
draft-ask-audience = من المدعوون؟
draft-audience-all = جميع الأعضاء
draft-audience-managers = جميع المسؤولين
draft-audience-city = جمعيات { $city }
draft-audience-association = أعضاء { $association }
draft-audience-group = { $association ->
    [none] 💬 مجموعة: { $title } (المنصة)
   *[other] 💬 مجموعة: { $title } ({ $association })
}
draft-audience-value = { $associations ->
    [all] جميع الجمعيات
   *[other] { $associations }
}{ $role ->
    [none] {""}
   *[other] ، { $role } فقط
}{ $city ->
    [none] {""}
   *[other] ، في { $city }
}
draft-ask-reminders = متى نذكّر الحاضرين بالاجتماع؟ اختر، أو اكتب المدد قبل البداية (2d 3h 30m).
draft-reminders-value = { $count ->
    [0] بلا تذكير
   *[other] قبل { $offsets }
}
list-separator = {"، "}
draft-show-reminders = التذكير: { $reminders }
draft-change-reminders = ✏️ التذكير
draft-reminders-bad = لم أفهم هذه المدد: اكتب مثلًا 2d 3h 30m (حتى 30 يومًا، و10 تذكيرات على الأكثر)، أو «لا».
draft-ask-title-in = العنوان بـ{ $language }؟
draft-ask-agenda-in = جدول الأعمال بـ{ $language }؟ اكتبه، أو تخطَّ.
draft-skip = ⏭ تخطٍّ
draft-back = ↩ العودة إلى الملخص
draft-discard = ✖ تراجع
draft-review-new = 📋 اجتماعك، قبل إرسال الدعوات
draft-review-edit = 📋 الاجتماع بعد التعديل، قبل الإعلان عن التغيير
draft-show-title = العنوان ({ $language }): { $title }
draft-show-when = الموعد: { $when }، المدة { $length }
draft-show-repeat = التكرار: { $repeat }
draft-show-agenda = جدول الأعمال ({ $language }): { $agenda }
draft-show-audience = المدعوون: { $audience }
draft-confirm-new = ✅ إرسال الدعوات
draft-confirm-edit = 📣 الإعلان عن التغيير
draft-change-title = ✏️ العنوان
draft-change-start = ✏️ التاريخ والساعة
draft-change-length = ✏️ المدة
draft-change-place = ✏️ المكان
draft-change-link = ✏️ الرابط
draft-change-agenda = ✏️ جدول الأعمال
draft-change-repeat = ✏️ التكرار
draft-change-audience = ✏️ المدعوون
draft-translate = 🌐 العنوان بـ{ $language }
draft-title-bad = يجب أن يكون العنوان سطرًا واحدًا من 1 إلى { $title_max } حرفًا.
draft-start-bad = لم أفهم هذا التاريخ. اكتب التاريخ ثم الساعة، مثلًا { $example }.
draft-start-past = هذا الموعد فات: اختر وقتًا قادمًا.
draft-start-far = هذا بعيد جدًا: اختر تاريخًا خلال خمس سنوات.
draft-length-bad = اختر مدة، أو اكتب ساعة انتهاء بعد البداية (12:30).
draft-place-bad = يجب أن يكون المكان سطرًا واحدًا من 1 إلى { $place_max } حرفًا.
draft-link-bad = هذا ليس عنوان ويب: اكتب رابطًا يبدأ بـ https://
draft-agenda-bad = يجب أن يكون جدول الأعمال من 1 إلى { $agenda_max } حرفًا.
draft-use-choices = اختر أحد الخيارات المعروضة.
draft-discarded = تُرك الاجتماع: لم يُرسل شيء.
draft-created = أُنشئ الاجتماع رقم { $id } «{ $title }». عدد الدعوات المرسلة: { $count }. تابع الردود بـ { $organize }.
draft-changed = عُدِّل «{ $title }». عدد المدعوين الذين أُبلغوا ويمكنهم الرد من جديد: { $count }.
organize-none = لا تنظّم أي اجتماع قادم. أنشئ واحدًا بـ { $newmeeting }.
organize-meeting = 📅 اجتماع تنظّمه
organize-answers = الردود: نعم { $yes }، ربما { $maybe }، لا { $no }
organize-edit = ✏️ تعديل
organize-attendance = ✅ الحضور
organize-cancel = 🚫 إلغاء
organize-cancel-confirm = إلغاء «{ $title }»؟ سيُبلَّغ جميع المدعوين.
organize-cancel-yes = 🚫 نعم، ألغِ
organize-cancel-no = ↩ لا، أبقِه
organize-kept = الاجتماع قائم.
organize-cancelled = أُلغي «{ $title }». عدد المدعوين الذين أُبلغوا: { $count }.
organize-not-yours = هذا الاجتماع لم يعد موجودًا أو أُلغي أو ليس من تنظيمك: لم يتغير شيء.
attendance-not-yet = «{ $title }» لم يبدأ بعد: يُسجَّل الحضور بعد بدء الاجتماع.
attendance-pick = أي جلسة من «{ $title }» تسجّل حضورها؟
attendance-title = الحضور: { $title }، { $when }
attendance-recorded = سُجّل حضور إضافي: { $recorded }.
attendance-present = عدد الحاضرين المسجَّلين: { $count }
attendance-intro = المس اسم كل شخص حضر لتسجيله حاضرًا.
attendance-all-yes = ✅ كل من قال نعم
attendance-person = { $name } ({ $answer })
attendance-nobody-left = سُجّل كل المدعوين، عدا من ردّوا بلا.
