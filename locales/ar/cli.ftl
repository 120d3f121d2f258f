# تطوير — ما يطبعه سطر الأوامر للمنسّقين والمديرين (العربية الفصحى).

cli-migrated = قاعدة البيانات محدَّثة: { $database }
cli-association-created = أُنشئت الجمعية رقم { $id }: { $name } ({ $city })
cli-volunteer-code = رمز الدعوة للمتطوعين: { $code }
cli-manager-code = رمز الدعوة للمسؤولين: { $code } (لشخص واحد، صالح 7 أيام؛ يصنع tatwir invite add --role manager رموزًا أخرى)
cli-join-hint = يرسل كل شخص إلى البوت /start متبوعًا بالرمز الخاص به.
cli-no-associations = لا توجد أي جمعية حاليًا. أضف جمعية بالأمر: tatwir association add --name الاسم --city المدينة
cli-no-people = لا يوجد أي شخص حاليًا.
cli-no-invites = لا توجد رموز دعوة.

cli-col-id = الرقم
cli-col-name = الاسم
cli-col-city = المدينة
cli-col-members = الأعضاء
cli-col-volunteers = المتطوعون
cli-col-managers = المسؤولون
cli-col-language = اللغة
cli-col-identities = الهويات
cli-col-roles = الأدوار
cli-col-code = الرمز
cli-col-association = الجمعية
cli-col-role = الدور
cli-col-expires = ينتهي في
cli-col-status = الحالة
cli-col-uses = مرات الاستعمال
cli-col-uses-left = المتبقي

cli-status-active = نشط
cli-status-expired = منتهي الصلاحية
cli-status-revoked = ملغى
cli-status-used-up = مستنفد
cli-never = أبدًا
cli-unlimited = بلا حد

cli-role-granted = أصبح للشخص رقم { $person } دور { $role }.
cli-role-unchanged = كان للشخص رقم { $person } دور { $role } من قبل: لم يتغيّر شيء.
cli-role-revoked = لم يعد للشخص رقم { $person } دور { $role }.
cli-role-not-held = لم يكن للشخص رقم { $person } دور { $role }: لم يتغيّر شيء.
cli-codes-rotated = { PLURAL($count) ->
    [zero] لم يكن أي رمز للمسؤولين ساريًا.
    [one] أُلغي رمز واحد للمسؤولين.
   *[other] أُلغيت رموز المسؤولين: { $count }.
} الرمز الجديد للمسؤولين: { $code } (لشخص واحد، صالح حتى { $expires }).
cli-error-rotate-codes = يُستعمل ‎--rotate-codes‎ مع «role revoke» لمسؤول ومع ‎--association‎: تُستبدل رموز المسؤولين لتلك الجمعية.
cli-invite-created = أُنشئ رمز الدعوة { $code } للجمعية رقم { $association } (الدور: { $role }).
cli-invite-revoked = أُلغي الرمز { $code }: لم يعد يسمح بالانضمام إلى الجمعية.
cli-invite-not-live = الرمز { $code } غير موجود أو أُلغي من قبل.

cli-error-unknown-person = لم يُعثر على الشخص: { $person }. يعرض الأمر «tatwir person list» الأرقام.
cli-error-unknown-association = لم يُعثر على الجمعية رقم { $association }. يعرض الأمر «tatwir association list» الأرقام.
cli-error-association-needed = دور { $role } يكون داخل جمعية: أضف --association ورقمها.
cli-error-platform-role = دور { $role } يشمل المنصة كلها: احذف --association.
cli-error-name-empty = اسم الجمعية فارغ.
cli-error-name-too-long = يتجاوز اسم الجمعية { $max } حرفًا.
cli-error-city-empty = اسم المدينة فارغ.
cli-error-city-too-long = يتجاوز اسم المدينة { $max } حرفًا.
cli-error-invalid-code = هذا ليس رمز دعوة: { $code }

## tatwir content: فحص حزم صناديق الأدوات وعدّها واستيرادها

content-problem = { $file }:{ $line }: { $message }
content-problem-no-line = { $file }: { $message }
content-check-ok = الحزمة سليمة: صناديق الأدوات: { $toolboxes }، الدروس: { $lessons }، الأسئلة: { $questions }.
content-check-failed = { PLURAL($problems) ->
    [one] في الحزمة مشكلة واحدة
    [two] في الحزمة مشكلتان
    [few] في الحزمة { $problems } مشكلات
   *[other] في الحزمة { $problems } مشكلة
}: صحّحها ثم أعد تشغيل «tatwir content check».
content-import-refused = لم يُستورد أي شيء. { PLURAL($problems) ->
    [one] في الحزمة مشكلة واحدة
    [two] في الحزمة مشكلتان
    [few] في الحزمة { $problems } مشكلات
   *[other] في الحزمة { $problems } مشكلة
}: صحّحها ثم أعد تشغيل «tatwir content import».
content-import-unchanged = لا جديد: هذه الحزمة هي التي تُدرَّس حاليًا (صناديق الأدوات: { $toolboxes }، الدروس: { $lessons }).
content-import-done = استُوردت الحزمة (صناديق الأدوات: { $toolboxes }، الدروس: { $lessons })؛ دروس جديدة: { $new }، معدَّلة: { $changed }، محذوفة: { $removed }. يُحتفظ بتقدّم الأشخاص.
content-stats-incomplete = الحزمة غير مكتملة: عدد المشكلات { $problems }، ويعرضها الأمر «tatwir content check» بالتفصيل.
content-stats-total = المجموع
content-audience-volunteer = المتطوعون
content-audience-manager = المسؤولون
content-audience-both = الجميع
content-col-toolbox = صندوق الأدوات
content-col-audience = الجمهور
content-col-lessons = الدروس
content-col-questions = الأسئلة
content-col-fr = fr (دروس/أسئلة)
content-col-ar = ar (دروس/أسئلة)
content-col-ary = ary (دروس/أسئلة)

content-defect-no-toolboxes = لا يوجد هنا أي صندوق أدوات: كل صندوق مجلد يحتوي على ملف toolbox.toml.
content-defect-missing-toolbox-file = لا يحتوي هذا المجلد على ملف toolbox.toml: كل مجلد في الحزمة صندوق أدوات.
content-defect-missing-language-file = ملف اللغة مفقود: { $language }.toml إلزامي (fr.toml وar.toml وary.toml).
content-defect-file-too-large = الملف كبير جدًا: الحد الأقصى { $max } بايت.
content-defect-unreadable = تتعذّر قراءة هذا الملف أو هذا المجلد.
content-defect-not-utf8 = هذا الملف ليس بترميز UTF-8: احفظه بترميز UTF-8.
content-defect-syntax = خطأ في صياغة TOML (علامات تنصيص أو أقواس أو «=» ناقصة، أو مفتاح مكرّر…).
content-defect-missing-field = حقل إلزامي مفقود: { $field }.
content-defect-unknown-field = حقل غير معروف: { $field } (خطأ في الكتابة؟).
content-defect-wrong-type = نوع { $field } غير صحيح (نص أو عدد أو قائمة أو جدول: انظر content/README.md).
content-defect-unknown-audience = جمهور غير معروف: «{ $value }». القيم الممكنة: volunteer وmanager وboth.
content-defect-unknown-question-kind = نوع سؤال غير معروف: «{ $value }». القيم الممكنة: single وmultiple.
content-defect-unknown-media-kind = نوع وسائط غير معروف: «{ $value }». القيم الممكنة: image وvideo وdocument.
content-defect-bad-id = معرّف غير صالح: «{ $id }». المسموح به فقط الأحرف a-z والأرقام 0-9 و«-».
content-defect-duplicate-toolbox = معرّف صندوق الأدوات «{ $id }» مستعمل من قبل في { $other }.
content-defect-duplicate-material = المصدر «{ $id }» مصرَّح به من قبل في السطر { $line }.
content-defect-duplicate-lesson = الدرس «{ $id }» مصرَّح به من قبل في السطر { $line }.
content-defect-duplicate-question = السؤال «{ $id }» مصرَّح به من قبل في السطر { $line } من هذا الدرس.
content-defect-unknown-material = مصدر غير معروف: «{ $id }» غير مصرَّح به في أي [[material]].
content-defect-parts-out-of-range = عدد أجزاء غير ممكن: { $parts }. للدرس من { $min } إلى { $max } أجزاء.
content-defect-too-few-questions = عدد أسئلة هذا الدرس { $questions }، والحد الأدنى { $min }.
content-defect-options-out-of-range = عدد خيارات غير ممكن: { $options }. للسؤال من { $min } إلى { $max } خيارات.
content-defect-correct-empty = لا توجد إجابة صحيحة: اذكر رقم خيار واحد على الأقل في correct.
content-defect-correct-out-of-range = الإجابة الصحيحة { $answer } غير ممكنة: الخيارات مرقّمة من 1 إلى { $options }.
content-defect-correct-duplicated = الإجابة الصحيحة { $answer } مكتوبة مرتين.
content-defect-single-with-several-correct = سؤال «single» له { $correct } إجابات صحيحة: المسموح إجابة واحدة (وإلا فاكتب kind = "multiple").
content-defect-media-both-sources = للوسائط file وurl معًا: احتفظ بواحد منهما فقط.
content-defect-media-no-source = ليس للوسائط file ولا url.
content-defect-media-file-missing = ملف الوسائط غير موجود: { $file } (المسار نسبةً إلى مجلد صندوق الأدوات).
content-defect-media-outside-toolbox = ملف الوسائط { $file } خارج مجلد صندوق الأدوات.
content-defect-image-part-out-of-range = الصورة مخصّصة للجزء { $part }، وعدد أجزاء الدرس { $parts }.
content-defect-duplicate-image = للجزء { $part } صورة من قبل (السطر { $line }): صورة واحدة لكل جزء.
content-defect-image-caption-missing = صورة الجزء { $part } من الدرس «{ $lesson }» بلا تعليق: أضِفه في image_captions.
content-defect-image-caption-without-image = ليس للجزء «{ $part }» من الدرس «{ $lesson }» صورة: لن يظهر هذا التعليق (image_captions) أبدًا.
content-defect-bad-url = عنوان غير صالح: «{ $url }». يجب أن يبدأ بـ https://‏ (أو http://‏).
content-defect-missing-toolbox-text = نص صندوق الأدوات مفقود: { $field }.
content-defect-missing-lesson-text = ليس للدرس «{ $lesson }» نص في هذا الملف.
content-defect-missing-question-text = ليس للسؤال «{ $question }» من الدرس «{ $lesson }» نص في هذا الملف.
content-defect-parts-count = عدد أجزاء الدرس «{ $lesson }» هنا { $found }، بينما يصرّح toolbox.toml بـ { $expected }.
content-defect-options-count = عدد خيارات السؤال «{ $question }» (الدرس «{ $lesson }») هنا { $found }، بينما يصرّح toolbox.toml بـ { $expected }.
content-defect-caption-missing = للدرس «{ $lesson }» وسائط: يلزمه تعليق (caption) في كل لغة.
content-defect-caption-without-media = ليس للدرس «{ $lesson }» وسائط: لن يظهر هذا التعليق (caption) أبدًا.
content-defect-text-too-long = نص طويل جدًا ({ $kind ->
    [title] عنوان
    [summary] ملخّص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق الأخلاقي
   *[reference] مرجع المصدر
}): عدد أحرفه { $length } والحد الأقصى { $max }.
content-defect-empty-text = نص فارغ ({ $kind ->
    [title] عنوان
    [summary] ملخّص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق الأخلاقي
   *[reference] مرجع المصدر
}).
content-defect-undeclared-lesson = الدرس «{ $lesson }» غير مصرَّح به في toolbox.toml (خطأ في الكتابة، أو درس محذوف؟).
content-defect-undeclared-question = السؤال «{ $question }» غير مصرَّح به للدرس «{ $lesson }» في toolbox.toml.
content-defect-unknown-track-role = دور مسار غير معروف: «{ $value }». القيم الممكنة: volunteer وmanager.
content-defect-valid-months-out-of-range = مدة صلاحية { $months } شهرًا: يجب أن تكون بين 1 و{ $max } شهرًا.
content-defect-score-out-of-range = نتيجة دنيا قدرها { $score }٪: يجب أن تكون بين 1 و100.
content-defect-unknown-reference = «{ $id }» ليس صندوق أدوات ولا درسًا (صندوق/درس) في هذا المحتوى.
content-defect-retake-outside-track = الدرس «{ $id }» المطلوب إعادته ليس جزءًا من المسار.
content-defect-bad-version = نسخة درس غير صالحة: «{ $version }». النسخة 16 رقمًا ست عشريًا (يعرضها الأمر tatwir certificate tracks --json).
content-defect-empty-track = هذا المسار لا يطلب أي درس.
content-defect-duplicate-track = معرّف المسار «{ $id }» مستعمل من قبل في { $other }.
content-defect-unknown-criterion-kind = نوع معيار غير معروف: «{ $value }». القيم الممكنة: managers_certified وactive_volunteers_certified وmembers_certified وcharter_adopted وmeetings_attended.
content-defect-number-out-of-range = قيمة { $field } هي { $value }: يجب أن تكون بين { $min } و{ $max }.
content-defect-unknown-track = «{ $id }» ليس مسار شهادة في هذا المحتوى (المجلد certificates/).
content-defect-duplicate-criterion = المعيار «{ $id }» مصرَّح به من قبل في السطر { $line }.
content-defect-no-criteria = لا تصرّح علامة الجودة بأي معيار ([[criterion]]): ستُمنح لكل الجمعيات.

cli-telegram-links = روابط تيليغرام: للمتطوعين { $volunteer } · للمسؤولين { $manager }

cli-broadcast-queued = الإعلان رقم { $id }: { $count } متلقٍّ في قائمة الانتظار.
cli-broadcast-report = الإعلان رقم { $id }: أُرسل { $sent }، في الانتظار { $pending }، فشل { $failed }، يتعذّر الوصول إلى { $unreachable }.
cli-broadcast-unknown = لا يوجد إعلان رقم { $id }.
cli-broadcast-text-invalid = لا يمكن أن يكون نص الإعلان فارغًا أو أطول من 4000 حرف.

cli-meeting-created = أُنشئ الاجتماع رقم { $id }؛ الدعوات في قائمة الانتظار: { $count }.
cli-meeting-invalid = قيمة غير صالحة لـ { $what } (التواريخ بصيغة 2027-02-07T10:00، منطقة زمنية من IANA، cron من 6 أو 7 حقول، تذكيرات مثل 24h أو 90m أو 2d أو none حتى 30 يومًا).
cli-meeting-unknown = لا يوجد اجتماع رقم { $id }.
cli-meeting-cancel-done = أُلغي الاجتماع رقم { $id }؛ عدد من أُبلغوا: { $count }.
cli-meeting-changed = عُدِّل الاجتماع رقم { $id }؛ عدد من أُبلغوا: { $count }.
cli-meeting-cancelled = ملغى
cli-meetings-none = لا اجتماعات.
cli-col-title = العنوان
cli-col-start = البداية

cli-meeting-attendance = الاجتماع رقم { $id } ({ $occurrence }): سُجّل حضور { $count }.

cli-error-unknown-group = المجموعة غير موجودة: رقم { $group }. الأمر «tatwir group list» يعطي أرقام المجموعات التي فيها البوت.
cli-groups-none = لا مجموعات: أضف البوت إلى مجموعة ثم أعد المحاولة.
cli-group-left = غادرها
cli-group-language-set = المجموعة رقم { $group }: ستُكتب فيها رسائل الاجتماعات بـ«{ $language }».
cli-group-platform = المنصة
cli-group-claimed = { $association ->
    [none] المجموعة رقم { $group }: عادت تابعة للمنصة (يديرها المنسقون).
   *[other] المجموعة رقم { $group }: صارت تابعة لـ«{ $association }» (يديرها مسؤولوها).
}
cli-error-language = لغة غير معروفة: «{ $language }». اختر fr أو ar أو ary (default: الفرنسية).
cli-col-channel = القناة

## tatwir outbox
cli-outbox-empty = لا شيء ينتظر الإرسال، ولم يُتخلَّ عن أي رسالة.
cli-outbox-pending = في الانتظار
cli-outbox-failed = متخلًّى عنها
cli-outbox-sent = مرسلة
cli-outbox-unreachable = يتعذر الوصول
cli-col-kind = النوع
cli-col-chat = المحادثة
cli-col-tries = المحاولات
cli-col-queued = وُضعت في الطابور
cli-col-error = آخر خطأ
cli-outbox-retried = { PLURAL($count) ->
    [zero] لا رسالة متخلًّى عنها لإعادة إرسالها.
    [one] ستُعاد محاولة إرسال رسالة واحدة متخلًّى عنها ابتداءً من الآن.
    [two] ستُعاد محاولة إرسال رسالتين متخلًّى عنهما ابتداءً من الآن.
    [few] ستُعاد محاولة إرسال { $count } رسائل متخلًّى عنها ابتداءً من الآن.
   *[other] ستُعاد محاولة إرسال { $count } رسالة متخلًّى عنها ابتداءً من الآن.
}
cli-error-outbox-retry = أعطِ إما أرقام الرسائل المراد إعادة إرسالها (يُظهرها tatwir outbox list --failed)، وإما ‎--failed‎ لكل الرسائل المتخلّى عنها.

cli-col-person = الشخص
cli-col-track = المسار
cli-col-issued = تاريخ التسليم
cli-certificate-no-tracks = لا يصرّح هذا المحتوى بأي مسار للشهادات (content/certificates/*.toml).
cli-certificate-track = { $id } — { $title } ({ $role }): { $lessons } درس بنسبة { $min }٪ على الأقل{ $meetings ->
        [0] {""}
       *[other] ، { $meetings } اجتماع
    }{ $months ->
        [0] ، دون حد زمني
       *[other] ، صالحة { $months } شهرًا
    }
cli-certificate-unknown-track = مسار غير معروف: «{ $track }». انظر tatwir certificate tracks.
cli-certificate-unknown = لا توجد شهادة بالرمز «{ $code }».
cli-certificate-not-manager = الشخص { $person } ليس مسؤولًا عن أي جمعية: هذه الشهادة مخصصة للمسؤولين.
cli-certificate-bad-name = اسم غير صالح: سطر واحد، { $max } حرفًا على الأكثر، وفيه حرف واحد على الأقل.
cli-certificate-bad-reason = اذكر سببًا (سطر واحد، 500 حرف على الأكثر).
cli-certificate-held = الشخص { $person } يحمل هذه الشهادة من قبل (الرمز { $code }).
cli-certificate-issued = سُلِّمت الشهادة { $code } إلى الشخص { $person }: { $url }
cli-certificate-none = لا توجد شهادات.
cli-certificate-revoked = أُلغيت الشهادة { $code }.
cli-certificate-state = { $state ->
        [valid] صالحة
        [expiring_soon] تنتهي قريبًا
        [expired] منتهية
       *[revoked] ملغاة
    }
cli-certificate-key-current = توقّع
cli-certificate-key-retired = متقاعدة (ما زالت تتحقق)
cli-certificate-key-rotated = مفتاح جديد للجهة المانحة: { $kid }. المفتاح القديم ما زال يتحقق مما وقّعه.
cli-label-none = المحتوى المُدرَّس لا يصرّح بعلامة جودة (content/label.toml): استورده بالأمر «tatwir content import».
cli-label-state = الجمعية رقم { $id } ({ $association }): { $state ->
        [granted] العلامة ممنوحة في { $since }، وصالحة حتى { $until }
        [expired] العلامة ممنوحة في { $since }، وانتهت مدتها في { $until }
        [lost] العلامة ممنوحة في { $since }، وفُقدت في { $until }
       *[none] لا علامة
    }.
cli-label-met = نعم
cli-label-not-met = لا
cli-col-criterion = المعيار
cli-col-met = مستوفى
cli-col-actual = المُحقَّق
cli-col-needed = المطلوب
cli-label-evaluated = الجمعيات المُقيَّمة: { $associations }؛ العلامات الممنوحة: { $granted }، الممدَّدة: { $extended }، المفقودة: { $lost } (التنبيهات إلى المسؤولين: { $warned }).
