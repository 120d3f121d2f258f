# تطوير — الميساجات ديال المحرّك (الدارجة المغربية بالحروف العربية).
# المتغيرات $help و$start فيهم الأمر كيفما كيتكتب ف القناة ديال الشخص (/help ولا !help).
# الجمع ديما ب PLURAL($n) (شوف core/src/locale.rs).

## الأخطاء والميساجات اللي ما صالحينش

error-technical = سمح ليا، كاين واحد المشكل تقني ما خلانيش نجاوبك. الميساج ديالك ما بدّل والو؛ عاود جرّب من بعد شوية.
choice-expired = هاد الاختيار ماشي صالح ولا ما بقاش صالح. خدم بآخر البوطونات اللي صيفطت ليك، ولا عاود كتب الأمر.
flood-slow-down = بزاف ديال الميساجات فمرة وحدة: ما غاديش نقرا اللي جايين حتى تدوز دقيقة. عاود من بعد، ميساج بميساج.
input-too-long = هاد الميساج طويل بزاف عليا (كثر من { $max } حرف). صيفط ميساج قصير.
input-empty = ما وصلني حتى نص. صيفط { $help } باش تشوف شنو تقدر دير.
free-text = { $member ->
    [yes] أنا كنفهم غير الأوامر. صيفط { $help } باش تشوف شنو تقدر دير.
   *[no] أنا كنفهم غير الأوامر. باش تدخل للجمعية ديالك، صيفط { $start } ومن موراه الكود اللي عطاتك، و{ $help } كيوريك كلشي.
}
command-unknown = ما كنعرفش الأمر { $command }. صيفط { $help } باش تشوف الليستة ديال الأوامر.
command-not-allowed = هاد الأمر ماشي مفتوح للدور ديالك. صيفط { $help } باش تشوف شنو تقدر دير.

## اللغة

language-prompt = ختار اللغة ديالك:
language-self-name = الدارجة
language-set = واخا، غادي نكتب ليك بالدارجة.

## الدخول لجمعية

welcome-not-member = مرحبا بيك ف تطوير آ { $name }! أنا هنا باش نعاونك تتعلّم وتتكوّن وتتعاون مع الجمعيات الأخرى. باش تبدا، طلب كود ديال الدعوة من الجمعية ديالك، ومن بعد صيفط { $start } ومن موراه داك الكود. صيفط { $help } باش تشوف شنو تقدر دير.
start-welcome-back = مرحبا بيك من جديد ف تطوير آ { $name }!
start-joined = مرحبا بيك آ { $name }! دخلتي ل«{ $association }»، والدور ديالك: { $role }.
start-promoted = صافي آ { $name }: دابا الدور ديالك ف«{ $association }»: { $role }.
start-already-member = راك ديجا عضو ف«{ $association }»، والدور ديالك: { $role }. ما تبدّل والو.
invite-unknown = هاد الكود ديال الدعوة ما كاينش. تأكّد منو مع الجمعية ديالك، ومن بعد صيفط { $start } ومن موراه الكود.
invite-expired = هاد الكود ديال الدعوة سالا الوقت ديالو. طلب كود جديد من الجمعية ديالك، ومن بعد صيفط { $start } ومن موراه الكود.
invite-revoked = هاد الكود ديال الدعوة توقّف. طلب كود جديد من الجمعية ديالك، ومن بعد صيفط { $start } ومن موراه الكود.
invite-used-up = هاد الكود ديال الدعوة تخدم بيه شحال ما يمكن. طلب كود جديد من الجمعية ديالك، ومن بعد صيفط { $start } ومن موراه الكود.
invite-role-taken-back = الدور ديالك فهاد الجمعية تحيّد ليك من بعد ما تصاوب هاد الكود، وما غاديش يرجّعو ليك. إلا كان غلط، طلب كود جديد من الجمعية ديالك.
invite-too-many-tries = بزاف ديال الكودات غالطين ورا بعضياتهم. عاود { PLURAL($minutes) ->
    [one] من دابا دقيقة
   *[other] من دابا { $minutes } دقايق
} بالكود الصحيح اللي عطاتك الجمعية ديالك.

## الأدوار

role-volunteer = متطوّع
role-manager = مسؤول
role-coordinator = منسّق
role-admin = مدير ديال المنصة

## المساعدة

help-title = شنو تقدر دير:
help-argument-code = الكود
help-start = تدخل لجمعية بالكود ديال الدعوة
help-profile = تشوف البروفايل ديالك والجمعيات ديالك
help-language = تبدّل اللغة
help-help = تشوف هاد المساعدة
help-line = { $command } — { $description }
help-footer-member = تقدر تدخل لجمعية أخرى ب { $start } والكود ديالها.
help-footer-not-member = باقي ما عندكش الكود؟ طلبو من الجمعية ديالك.

## البروفايل

profile-title = البروفايل ديال { $name }
profile-language = اللغة: { $language }
profile-associations = { PLURAL($count) ->
    [zero] ما راكش عضو ف حتى جمعية.
    [one] راك عضو ف جمعية وحدة:
    [two] راك عضو ف جوج جمعيات:
    [few] راك عضو ف { $count } جمعيات:
    [many] راك عضو ف { $count } جمعية:
   *[other] راك عضو ف { $count } جمعية:
}
profile-membership = { $association } ({ $city }): { $role }
profile-platform-role = الدور ديالك ف المنصة: { $role }

## المساعدة ديال التعلّم

help-learn = تتبّع الدروس والكويزات ديال صناديق الأدوات
help-progress = تشوف فين وصلتي والنتائج ديالك
help-review = تراجع الأسئلة اللي جا الوقت ديالها اليوم
help-daily = يوصلك درس كل نهار ف هاد الساعة (off باش توقفو)
help-argument-time = HH:MM

## صناديق الأدوات والدروس

learn-private-only = { $link ->
    [none] الدروس كيتّبعو ف الخاص: كتب ليا نيشان، ومن بعد صيفط { $learn }.
   *[other] الدروس كيتّبعو ف الخاص: حل { $link } ومن بعد صيفط { $learn }.
}
learn-empty = حتى صندوق ديال الأدوات ما كاين دابا. رجع قريب!
learn-title = صناديق الأدوات ديالك
learn-intro = ختار صندوق ديال الأدوات. كل درس هو شي رسائل قصار، ومن بعدهم كويز صغير.
learn-toolbox-choice = { $title } ({ $done }/{ $total })
learn-continue-choice = ▶ كمّل: { $lesson }
learn-review-choice = 🔁 راجع ({ $count })
toolbox-progress = الدروس اللي ساليتي: { $done } من { $total }.
toolbox-lesson-choice = { $status ->
    [done] ✅ { $title } · { $right }/{ $total }
    [started] ▶ { $title }
   *[new] { $title }
}
toolbox-back-choice = ⬅ جميع صناديق الأدوات
lesson-part-header = { $title } · { $part }/{ $parts }
lesson-next-choice = زيد ▶
lesson-quiz-choice = دوز للكويز ▶
lesson-gone = هاد الدرس ما بقاش كاين. صيفط { $learn } باش تشوف الدروس.

## الكويزات

quiz-intro = { PLURAL($count) ->
    [zero] كويز بلا أسئلة.
    [one] كويز: سؤال واحد. ختار الجواب الصحيح.
    [two] كويز: جوج أسئلة. ختار الجواب الصحيح ف كل واحد.
    [few] كويز: { $count } أسئلة. ختار الجواب الصحيح ف كل سؤال.
    [many] كويز: { $count } سؤال. ختار الجواب الصحيح ف كل سؤال.
   *[other] كويز: { $count } سؤال. ختار الجواب الصحيح ف كل سؤال.
}
quiz-question-number = ({ $number }/{ $total })
quiz-several-answers = تقدر تختار كثر من جواب: صيفط جميع الأرقام الصحاح، بحال 1,3.
quiz-right = ✅ جواب صحيح!
quiz-wrong = ❌ ماشي بالضبط.
quiz-right-answer = الجواب الصحيح: { $answer }
quiz-answer-invalid = هاد الجواب ما كيتّاسب مع حتى اختيار. ختار من اللي كاينين.
quiz-answer-one = هاد السؤال كيتسنى جواب واحد برك: ختار واحد.
quiz-done = سالا الكويز: { $right }/{ $total } ({ $percent }٪).
quiz-best = أحسن نتيجة ديالك ف هاد الدرس باقا { $right }/{ $total }، وهي اللي كتتحسب.
quiz-toolbox-done = برافو: كمّلتي جميع الدروس ديال «{ $toolbox }»!
quiz-next-lesson-choice = الدرس الجاي: { $title } ▶
quiz-retake-choice = 🔁 عاود الكويز
quiz-toolbox-choice = ⬅ { $toolbox }

## المراجعة

review-none = والو باش تراجع دابا. الأسئلة اللي جاوبتي عليهم غادي يرجعو هنا ف الوقت المناسب باش ما تنساهمش.
review-intro = { PLURAL($count) ->
    [zero] حتى سؤال ما خاصو مراجعة اليوم.
    [one] مراجعة: سؤال واحد جا الوقت ديالو اليوم.
    [two] مراجعة: جوج أسئلة جا الوقت ديالهم اليوم.
    [few] مراجعة: { $count } أسئلة جا الوقت ديالهم اليوم.
    [many] مراجعة: { $count } سؤال جا الوقت ديالهم اليوم.
   *[other] مراجعة: { $count } سؤال جا الوقت ديالهم اليوم.
}
review-done = سالات المراجعة: { $right }/{ $total } أجوبة صحيحة.

## فين وصلتي

progress-title = فين وصلتي
progress-none = باقي ما بديتي حتى درس. صيفط { $learn } باش تبدا.
progress-toolbox = { $percent ->
    [none] { $title }: { $done }/{ $total } دروس
   *[other] { $title }: { $done }/{ $total } دروس · النتيجة { $percent }٪
}
progress-total = ف المجموع: { $done }/{ $total } دروس ساليتيهم.
progress-reviews = { PLURAL($count) ->
    [zero] حتى سؤال ما خاصو مراجعة اليوم.
    [one] سؤال واحد خاصو مراجعة اليوم: { $review }
    [two] جوج أسئلة خاصهم مراجعة اليوم: { $review }
    [few] { $count } أسئلة خاصهم مراجعة اليوم: { $review }
    [many] { $count } سؤال خاصهم مراجعة اليوم: { $review }
   *[other] { $count } سؤال خاصهم مراجعة اليوم: { $review }
}
progress-daily-on = درس النهار: كل نهار مع { $time } ({ $zone }).
progress-daily-off = درس النهار: طافي. باش يوصلك، صيفط مثلا { $example }.

## درس النهار

daily-private-only = { $link ->
    [none] درس النهار كيتصيفط ف الخاص: كتب ليا نيشان ومن بعد صيفط الأمر.
   *[other] درس النهار كيتصيفط ف الخاص: حل { $link } ومن بعد صيفط الأمر.
}
daily-set = مزيان: درس كل نهار مع { $time } ({ $zone }). الأول غادي يوصلك { $day ->
    [today] اليوم.
    [tomorrow] غدا.
   *[other] نهار { $date }.
} باش توقفو: { $off }.
daily-off = مزيان: ما بقاش غادي يوصلك درس النهار. تقدر ترجعو وقتما بغيتي، مثلا ب { $example }.
daily-already-off = درس النهار طافي. باش يوصلك كل نهار ف نفس الساعة، صيفط مثلا { $example }.
daily-status = كيوصلك درس كل نهار مع { $time } ({ $zone }). باش تبدّل الساعة: { $example }؛ باش توقفو: { $off }.
daily-bad-time = ما فهمتش هاد الساعة. كتبها هكا: { $example } (من 00:00 حتى 23:59)، ولا { $off } باش توقفو.
daily-message-title = 📚 درس النهار ديالك
daily-message-lesson = { $toolbox }: { $lesson }
daily-message-all-done = كمّلتي جميع الدروس ديالك، برافو! راجع من وقت لوقت باش ما تنساش.
daily-message-reviews = { PLURAL($count) ->
    [zero] حتى سؤال ما كيتسنى المراجعة.
    [one] وسؤال واحد كيتسناك تراجعو.
    [two] وجوج أسئلة كيتسناوك تراجعهم.
    [few] و{ $count } أسئلة كيتسناوك تراجعهم.
    [many] و{ $count } سؤال كيتسناوك تراجعهم.
   *[other] و{ $count } سؤال كيتسناوك تراجعهم.
}
daily-start-choice = بدا الدرس ▶

## المنطقة الزمنية

help-timezone = تشوف ولا تبدّل المنطقة الزمنية ديالك (لمواعد الدروس والاجتماعات)
help-argument-zone = المنطقة/المدينة
timezone-current = المنطقة الزمنية ديالك: { $zone } (الساعة فيها دابا { $time }). باش تبدّلها صيفط مثلا { $example }.
timezone-set = مزيان: المواعد ديالك ولاو تابعين المنطقة الزمنية { $zone } (الساعة فيها دابا { $time }).
timezone-unknown = ما عرفتش هاد المنطقة الزمنية. كتب سمية من قاعدة IANA، بحال { $example } ولا Africa/Casablanca.

## الإعلانات والمواضيع اللي مسكّتة

help-mute = توقّف موضوع: الاجتماعات، الإعلانات ولا درس النهار
help-unmute = ترجع تستقبل موضوع
help-broadcast = تصيفط إعلان لجميع الأعضاء
help-argument-topic = الموضوع
help-argument-text = النص
topic-meetings = اجتماعات
topic-announcements = إعلانات
topic-daily = درس
topic-certificates = شواهد
topic-votes = التصويت
mute-status = { PLURAL($count) ->
    [zero] كيوصلك كلشي: { $topics }. باش توقّف موضوع: { $mute } ومن بعدو الموضوع.
   *[other] المواضيع اللي موقّفة: { $muted }. المواضيع اللي كاينين: { $topics }.
}
mute-unknown = ما عرفتش هاد الموضوع. ختار من: { $topics } (بحال { $mute } إعلانات).
mute-done = مزيان: ما بقاوش غادي يوصلوك رسائل «{ $topic }». باش ترجعهم: { $unmute } { $topic }.
unmute-done = مزيان: غادي يرجعو يوصلوك رسائل «{ $topic }».
broadcast-usage = كتب الإعلان من بعد الأمر، بحال: { $broadcast } اجتماع السبت تأجّل.
broadcast-preview = إعلان للصيفط — اللي غادي يوصلهم: { $audience }
broadcast-confirm-choice = 📢 صيفط
broadcast-audience-choice = 🎯 ختار لمن
broadcast-translate-choice = 🌐 زيد النص ب{ $language }
broadcast-text-in = ب{ $language }:
broadcast-ask-text-in = كتب الإعلان ب{ $language }. كل واحد غادي يوصلو بلغتو (وبالفرنسية إلا ما كانتش لغتو).
broadcast-ask-audience = لمن نصيفطو الإعلان؟
broadcast-cancel-choice = لغي
broadcast-cancelled = تلغى: الإعلان ما تصيفطش.
broadcast-queued = { PLURAL($count) ->
    [zero] الإعلان رقم { $id } ما لقى حتى واحد يوصلو (حتى واحد باقي ما كيهضر معايا ف الخاص، ولا كلهم وقّفو الإعلانات).
    [one] الإعلان رقم { $id } غادي لشخص واحد.
    [two] الإعلان رقم { $id } غادي لجوج د الناس.
    [few] الإعلان رقم { $id } غادي ل { $count } ديال الناس.
    [many] الإعلان رقم { $id } غادي ل { $count } واحد.
   *[other] الإعلان رقم { $id } غادي ل { $count } واحد.
}
broadcast-report-choice = 📊 تتبّع الإرسال
broadcast-report = الإعلان رقم { $id }: تصيفطو { $sent }، كيتسناو { $pending }، فشلو { $failed }، ما يمكنش نوصلو ل { $unreachable }.
broadcast-title = 📢 إعلان

## الاجتماعات

help-meetings = تشوف الاجتماعات اللي معروض ليهم وتجاوب
rsvp-yes = ✅ إيه
rsvp-no = ❌ لا
rsvp-maybe = 🤔 يمكن
rsvp-none = باقي ما جاوبتي
rsvp-noted = تسجّل الجواب ديالك على «{ $title }»: { $answer }. تقدر تبدّلو وقتما بغيتي ب { $meetings }.
rsvp-noted-group = { $name }: { $answer } على «{ $title }».
meeting-invitation = 📅 عرضة لاجتماع
meeting-reminder = ⏰ تذكير بالاجتماع
meeting-cancelled = 🚫 الاجتماع تلغى
meetings-title = 📅 اجتماع
meeting-when = الوقت: { $when }
meeting-place = البلاصة: { $place }
meeting-link = أونلاين: { $link }
meeting-your-answer = الجواب ديالك: { $answer }
meeting-gone = هاد الاجتماع ما بقاش ولا تلغى.
meeting-calendar-choice = 📅 زيد للأجندة ديالي (.ics)
meeting-calendar-sent = 📅 «{ $title }» للأجندة ديالك: حلّ هاد الملف باش تزيدو.
meetings-none = ما عندك حتى اجتماع جاي.

## تنظيم الاجتماعات

help-newmeeting = تصاوب اجتماع وتعرض على الناس
help-grouplanguage = (فشي مجموعة) اللغة ديال ميساجات الاجتماعات اللي كيتنشرو فيها
help-argument-language = fr|ar|ary
group-language-in-group = صيفط { $command } فالمجموعة المعنية ومن بعدها اللغة (fr ولا ar ولا ary).
help-claimgroup = (فشي مجموعة) زيد هاد المجموعة للجمعية ديالك
help-argument-association = [N]
group-claim-in-group = صيفط { $command } فالمجموعة اللي بغيتي تزيدها للجمعية ديالك.
group-claim-which = { $associations ->
    [none] قول النمرة ديال الجمعية: { $command } N.
   *[other] قول النمرة ديال الجمعية: { $command } N. الجمعيات ديالك: { $associations }.
}
group-claimed = مزيان: هاد المجموعة ولات ديال «{ $association }». المسؤولين ديالها يقدرو يختارو اللغة ديالها ({ $grouplanguage }) ويعرضوها للاجتماعات.
group-not-yours = { $association ->
    [none] هاد المجموعة ديال المنصة: غير المنسقين اللي كيسيّروها. مسؤول يقدر يزيدها للجمعية ديالو ب{ $command }.
   *[other] هاد المجموعة ديال «{ $association }»: غير المسؤولين ديالها والمنسقين اللي كيسيّروها.
}
group-language-usage = ميساجات الاجتماعات فهاد المجموعة ب{ $language }. باش تبدّل: { $command } fr ولا ar ولا ary.
group-language-set = مزيان: ميساجات الاجتماعات فهاد المجموعة غادي يكونو ب{ $language }.
help-organize = الاجتماعات ديالك: تبدّل، تلغي، ولا تسجّل الحضور
invite-private-only = { $link ->
    [none] الكود ديال الدعوة كيتعطى فالخاص: كتب ليا نيشان ومن بعد صيفط { $command } والكود موراه. ما تورّيهش للمجموعة.
   *[other] الكود ديال الدعوة كيتعطى فالخاص: حل { $link } ومن بعد صيفط { $command } والكود موراه. ما تورّيهش للمجموعة.
}
private-data-only = { $link ->
    [none] هادشي اللي طلبتي شخصي: كتب ليا نيشان ومن بعد صيفط { $command }.
   *[other] هادشي اللي طلبتي شخصي: حل { $link } ومن بعد صيفط { $command }.
}
organize-private-only = { $link ->
    [none] الاجتماعات كيتنظّمو فالخاص: كتب ليا نيشان ومن بعد صيفط { $command }.
   *[other] الاجتماعات كيتنظّمو فالخاص: حل { $link } ومن بعد صيفط { $command }.
}
meeting-changed = ✏️ الاجتماع تبدّل
draft-new-heading = 📅 اجتماع جديد
draft-ask-title = شنو العنوان ديالو؟
draft-ask-start = فوقاش كيبدا؟ كتب النهار والساعة، بحال { $example } (بتوقيت { $zone }؛ زيد منطقة زمنية أخرى من بعد الساعة إلا بغيتي، بحال { $example } Europe/Paris).
draft-ask-length = شحال غادي يدوم؟ ختار، ولا كتب الساعة فاش كيسالي (12:30).
draft-length-value = { $minutes ->
    [0] { $hours } س
   *[other] { $hours } س { $minutes } د
}
draft-ask-place = فين غادي يكون؟ كتب العنوان، ولا دوز إلا كان أونلاين.
draft-ask-link = شي رابط باش يتبّعوه أونلاين (https://…)؟ كتبو، ولا دوز.
draft-ask-agenda = جدول الأعمال؟ كتبو، ولا دوز.
draft-ask-repeat = واش كيتعاود؟
draft-repeat-none = مرة وحدة
draft-repeat-weekly = كل سيمانة
draft-repeat-fortnightly = كل جوج سيمانات
draft-repeat-monthly = كل شهر
draft-repeat-custom = على حساب جدول خاص
draft-ask-audience = شكون معروض؟
draft-audience-all = كاع الأعضاء
draft-audience-managers = كاع المسؤولين
draft-audience-city = الجمعيات ديال { $city }
draft-audience-association = الأعضاء ديال { $association }
draft-audience-group = { $association ->
    [none] 💬 المجموعة: { $title } (المنصة)
   *[other] 💬 المجموعة: { $title } ({ $association })
}
draft-audience-value = { $associations ->
    [all] كاع الجمعيات
   *[other] { $associations }
}{ $role ->
    [none] {""}
   *[other] ، غير { $role }
}{ $city ->
    [none] {""}
   *[other] ، ف{ $city }
}
draft-ask-reminders = فوقاش نفكّرو اللي جايين بالاجتماع؟ ختار، ولا كتب شحال قبل البداية (2d 3h 30m).
draft-reminders-value = { $count ->
    [0] بلا تفكير
   *[other] { $offsets } قبل
}
list-separator = {"، "}
draft-show-reminders = التفكير: { $reminders }
draft-change-reminders = ✏️ التفكير
draft-reminders-bad = ما فهمتش هاد المدد: كتب بحال 2d 3h 30m (حتى 30 يوم، و10 د التفكيرات على الكثير)، ولا «والو».
draft-ask-title-in = العنوان ب{ $language }؟
draft-ask-agenda-in = جدول الأعمال ب{ $language }؟ كتبو، ولا دوز.
draft-skip = ⏭ دوز
draft-back = ↩ رجع للملخص
draft-discard = ✖ خلّيها
draft-review-new = 📋 الاجتماع ديالك، قبل ما تمشي العرضات
draft-review-edit = 📋 الاجتماع من بعد التبديل، قبل ما نعلنو عليه
draft-show-title = العنوان ({ $language }): { $title }
draft-show-when = الوقت: { $when }، المدة { $length }
draft-show-repeat = التكرار: { $repeat }
draft-show-agenda = جدول الأعمال ({ $language }): { $agenda }
draft-show-audience = المعروضين: { $audience }
draft-confirm-new = ✅ صيفط العرضات
draft-confirm-edit = 📣 علن على التبديل
draft-change-title = ✏️ العنوان
draft-change-start = ✏️ النهار والساعة
draft-change-length = ✏️ المدة
draft-change-place = ✏️ البلاصة
draft-change-link = ✏️ الرابط
draft-change-agenda = ✏️ جدول الأعمال
draft-change-repeat = ✏️ التكرار
draft-change-audience = ✏️ المعروضين
draft-translate = 🌐 العنوان ب{ $language }
draft-title-bad = العنوان خاصو يكون سطر واحد من 1 حتى { $title_max } حرف.
draft-start-bad = ما فهمتش هاد التاريخ. كتب النهار ومن بعد الساعة، بحال { $example }.
draft-start-past = هاد الوقت فات: ختار وقت جاي.
draft-start-far = هادشي بعيد بزاف: ختار تاريخ فخمس سنين.
draft-length-bad = ختار مدة، ولا كتب ساعة السالية من بعد البداية (12:30).
draft-place-bad = البلاصة خاصها تكون سطر واحد من 1 حتى { $place_max } حرف.
draft-link-bad = هادا ماشي عنوان ويب: كتب رابط كيبدا ب https://
draft-agenda-bad = جدول الأعمال خاصو يكون من 1 حتى { $agenda_max } حرف.
draft-use-choices = ختار واحد من الاختيارات.
draft-discarded = الاجتماع تخلّى: حتى حاجة ما تصيفطات.
draft-created = الاجتماع رقم { $id } «{ $title }» تصاوب. عدد العرضات اللي مشات: { $count }. تبّع الأجوبة ب { $organize }.
draft-changed = «{ $title }» تبدّل. عدد المعروضين اللي تعلمو ويقدرو يجاوبو من جديد: { $count }.
organize-none = ما كتنظّم حتى اجتماع جاي. صاوب واحد ب { $newmeeting }.
organize-meeting = 📅 اجتماع كتنظّمو
organize-answers = الأجوبة: إيه { $yes }، يمكن { $maybe }، لا { $no }
organize-edit = ✏️ بدّل
organize-attendance = ✅ الحضور
organize-cancel = 🚫 لغي
organize-cancel-confirm = تلغي «{ $title }»؟ كاع المعروضين غادي يتعلمو.
organize-cancel-yes = 🚫 إيه، لغيه
organize-cancel-no = ↩ لا، خليه
organize-kept = الاجتماع باقي.
organize-cancelled = «{ $title }» تلغى. عدد المعروضين اللي تعلمو: { $count }.
organize-not-yours = هاد الاجتماع ما بقاش، ولا تلغى، ولا ماشي ديالك: حتى حاجة ما تبدلات.
attendance-not-yet = «{ $title }» باقي ما بدا: الحضور كيتسجّل من بعد ما يبدا الاجتماع.
attendance-pick = أشمن جلسة ديال «{ $title }» بغيتي تسجّل فيها الحضور؟
attendance-title = الحضور: { $title }، { $when }
attendance-recorded = تزاد فالحضور: { $recorded }.
attendance-present = عدد اللي تسجّلو حاضرين: { $count }
attendance-intro = ضغط على سمية كل واحد جا باش تسجّلو حاضر.
attendance-all-yes = ✅ كاع اللي قالو إيه
attendance-person = { $name } ({ $answer })
attendance-nobody-left = تسجّلو كاع المعروضين، من غير اللي قالو لا.
