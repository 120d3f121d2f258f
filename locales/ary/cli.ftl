# تطوير — شنو كيطبع سطر الأوامر للمنسقين والمديرين (الدارجة).

cli-migrated = قاعدة البيانات محيّنة: { $database }
cli-association-created = تزادت الجمعية رقم { $id }: { $name } ({ $city })
cli-volunteer-code = الكود ديال الدعوة للمتطوعين: { $code }
cli-manager-code = الكود ديال الدعوة للمسؤولين: { $code } (لشخص واحد، صالح 7 أيام؛ tatwir invite add --role manager كيصاوب كودات خرين)
cli-join-hint = كل واحد يصيفط للبوت /start ومن موراه الكود ديالو.
cli-no-associations = حتى جمعية ما كاينة دابا. زيد وحدة ب: tatwir association add --name السمية --city المدينة
cli-no-people = حتى واحد ما كاين دابا.
cli-no-invites = حتى كود ديال الدعوة ما كاين.

cli-col-id = الرقم
cli-col-name = السمية
cli-col-city = المدينة
cli-col-members = الأعضاء
cli-col-volunteers = المتطوعين
cli-col-managers = المسؤولين
cli-col-language = اللغة
cli-col-identities = الحسابات
cli-col-roles = الأدوار
cli-col-code = الكود
cli-col-association = الجمعية
cli-col-role = الدور
cli-col-expires = كيسالا
cli-col-status = الحالة
cli-col-uses = شحال من مرة تخدم
cli-col-uses-left = اللي بقا

cli-status-active = خدام
cli-status-expired = سالا
cli-status-revoked = متوقف
cli-status-used-up = سالا
cli-never = عمرو
cli-unlimited = بلا حد

cli-role-granted = الشخص رقم { $person } ولا عندو الدور ديال { $role }.
cli-role-unchanged = الشخص رقم { $person } كان ديجا عندو الدور ديال { $role }: ما تبدّل والو.
cli-role-revoked = الشخص رقم { $person } ما بقاش عندو الدور ديال { $role }.
cli-role-not-held = الشخص رقم { $person } ما كانش عندو الدور ديال { $role }: ما تبدّل والو.
cli-codes-rotated = { PLURAL($count) ->
    [zero] ما كان حتى كود ديال المسؤولين خدام.
    [one] توقّف واحد الكود ديال المسؤولين.
   *[other] توقّفو { $count } ديال الكودات ديال المسؤولين.
} الكود الجديد ديال المسؤولين: { $code } (لشخص واحد، صالح حتى { $expires }).
cli-error-rotate-codes = ‎--rotate-codes‎ كيمشي مع «role revoke» ديال مسؤول ومع ‎--association‎: الكودات ديال المسؤولين ديال داك الجمعية هوما اللي كيتبدّلو.
cli-invite-created = تصاوب الكود ديال الدعوة { $code } للجمعية رقم { $association } (الدور: { $role }).
cli-invite-revoked = الكود { $code } توقّف: ما بقاش كيدخّل للجمعية.
cli-invite-not-live = الكود { $code } ما كاينش ولا كان ديجا متوقف.

cli-error-unknown-person = ما لقيناش الشخص: { $person }. الأمر «tatwir person list» كيعطيك الأرقام.
cli-error-unknown-association = ما لقيناش الجمعية رقم { $association }. الأمر «tatwir association list» كيعطيك الأرقام.
cli-error-association-needed = الدور ديال { $role } كيكون وسط جمعية: زيد --association والرقم ديالها.
cli-error-platform-role = الدور ديال { $role } كيشمل المنصة كاملة: حيّد --association.
cli-error-name-empty = السمية ديال الجمعية خاوية.
cli-error-name-too-long = السمية ديال الجمعية فايتة { $max } حرف.
cli-error-city-empty = المدينة خاوية.
cli-error-city-too-long = المدينة فايتة { $max } حرف.
cli-error-invalid-code = هادا ماشي كود ديال الدعوة: { $code }

## tatwir content: التشييك والحساب والإدخال ديال الباكات ديال صناديق الأدوات

content-problem = { $file }:{ $line }: { $message }
content-problem-no-line = { $file }: { $message }
content-check-ok = الباك مزيان: صناديق الأدوات: { $toolboxes }، الدروس: { $lessons }، الأسئلة: { $questions }.
content-check-failed = { PLURAL($problems) ->
    [one] كاين مشكل واحد ف الباك
    [two] كاينين جوج مشاكل ف الباك
    [few] كاينين { $problems } مشاكل ف الباك
   *[other] كاينين { $problems } مشكل ف الباك
}: صلّحهم وعاود دير «tatwir content check».
content-import-refused = ما دخل والو. { PLURAL($problems) ->
    [one] كاين مشكل واحد ف الباك
    [two] كاينين جوج مشاكل ف الباك
    [few] كاينين { $problems } مشاكل ف الباك
   *[other] كاينين { $problems } مشكل ف الباك
}: صلّحهم وعاود دير «tatwir content import».
content-import-unchanged = ما كاين جديد: هاد الباك هو اللي كيتقرا دابا (صناديق الأدوات: { $toolboxes }، الدروس: { $lessons }).
content-import-done = دخل الباك (صناديق الأدوات: { $toolboxes }، الدروس: { $lessons })؛ دروس جداد: { $new }، تبدّلو: { $changed }، تحيّدو: { $removed }. التقدم ديال الناس باقي محفوظ.
content-stats-incomplete = الباك ما كاملش: فيه { $problems } ديال المشاكل، والأمر «tatwir content check» كيوريهم بالتفصيل.
content-stats-total = المجموع
content-audience-volunteer = المتطوعين
content-audience-manager = المسؤولين
content-audience-both = كلشي
content-col-toolbox = صندوق الأدوات
content-col-audience = لمن
content-col-lessons = الدروس
content-col-questions = الأسئلة
content-col-fr = fr (دروس/أسئلة)
content-col-ar = ar (دروس/أسئلة)
content-col-ary = ary (دروس/أسئلة)

content-defect-no-toolboxes = ما كاين حتى صندوق أدوات هنا: كل صندوق هو دوسي فيه فيشي toolbox.toml.
content-defect-missing-toolbox-file = هاد الدوسي ما فيهش فيشي toolbox.toml: كل دوسي ف الباك هو صندوق أدوات.
content-defect-missing-language-file = الفيشي ديال اللغة ناقص: { $language }.toml ضروري (fr.toml و ar.toml و ary.toml).
content-defect-file-too-large = الفيشي كبير بزاف: ماشي كثر من { $max } أوكتي.
content-defect-unreadable = ما قدرناش نقراو هاد الفيشي ولا هاد الدوسي.
content-defect-not-utf8 = هاد الفيشي ماشي ب UTF-8: سجّلو ب UTF-8.
content-defect-syntax = غلط ف الكتابة ديال TOML (ناقصين شي علامات تنصيص ولا أقواس ولا «=»، ولا مفتاح معاود…).
content-defect-missing-field = خانة ضرورية ناقصة: { $field }.
content-defect-unknown-field = خانة ما معروفاش: { $field } (غلط ف الكتابة؟).
content-defect-wrong-type = { $field } ماشي من النوع اللي خاص (نص، رقم، ليستة ولا جدول: شوف content/README.md).
content-defect-unknown-audience = الجمهور ما معروفش: «{ $value }». اللي ممكن: volunteer و manager و both.
content-defect-unknown-question-kind = نوع السؤال ما معروفش: «{ $value }». اللي ممكن: single و multiple.
content-defect-unknown-media-kind = نوع الميديا ما معروفش: «{ $value }». اللي ممكن: image و video و document.
content-defect-bad-id = المعرّف ماشي صالح: «{ $id }». مسموح غير a-z و 0-9 و «-».
content-defect-duplicate-toolbox = المعرّف ديال صندوق الأدوات «{ $id }» ديجا واخداه { $other }.
content-defect-duplicate-material = المصدر «{ $id }» ديجا مكتوب ف السطر { $line }.
content-defect-duplicate-lesson = الدرس «{ $id }» ديجا مكتوب ف السطر { $line }.
content-defect-duplicate-question = السؤال «{ $id }» ديجا مكتوب ف السطر { $line } ف هاد الدرس.
content-defect-unknown-material = مصدر ما معروفش: «{ $id }» ما مكتوبش ف حتى [[material]].
content-defect-parts-out-of-range = عدد الأجزاء ما يمكنش: { $parts }. الدرس فيه من { $min } حتى { $max } ديال الأجزاء.
content-defect-too-few-questions = هاد الدرس فيه { $questions } ديال الأسئلة، وخاص على الأقل { $min }.
content-defect-options-out-of-range = عدد الخيارات ما يمكنش: { $options }. السؤال فيه من { $min } حتى { $max } ديال الخيارات.
content-defect-correct-empty = ما كاين حتى جواب صحيح: كتب على الأقل رقم ديال خيار واحد ف correct.
content-defect-correct-out-of-range = الجواب الصحيح { $answer } ما يمكنش: الخيارات مرقّمين من 1 حتى { $options }.
content-defect-correct-duplicated = الجواب الصحيح { $answer } مكتوب جوج مرات.
content-defect-single-with-several-correct = سؤال «single» فيه { $correct } ديال الأجوبة الصحيحة: مسموح غير واحد (ولا كتب kind = "multiple").
content-defect-media-both-sources = الميديا فيها file و url بجوج: خلّي غير واحد.
content-defect-media-no-source = الميديا ما فيها لا file لا url.
content-defect-media-file-missing = الفيشي ديال الميديا ما كاينش: { $file } (الطريق من الدوسي ديال صندوق الأدوات).
content-defect-media-outside-toolbox = الفيشي ديال الميديا { $file } برّا الدوسي ديال صندوق الأدوات.
content-defect-image-part-out-of-range = التصويرة مكتوبة للجزء { $part }، و الدرس فيه { $parts } ديال الأجزاء.
content-defect-duplicate-image = الجزء { $part } ديجا عندو تصويرة (السطر { $line }): تصويرة وحدة لكل جزء.
content-defect-image-caption-missing = التصويرة ديال الجزء { $part } ف الدرس «{ $lesson }» ما عندهاش تعليق: زيدو ف image_captions.
content-defect-image-caption-without-image = الجزء «{ $part }» ف الدرس «{ $lesson }» ما عندو تصويرة: هاد التعليق (image_captions) عمرو ما غادي يبان.
content-defect-bad-url = العنوان ماشي صالح: «{ $url }». خاصو يبدا ب https://‏ (ولا http://‏).
content-defect-missing-toolbox-text = النص ديال صندوق الأدوات ناقص: { $field }.
content-defect-missing-lesson-text = الدرس «{ $lesson }» ما عندو حتى نص ف هاد الفيشي.
content-defect-missing-question-text = السؤال «{ $question }» ديال الدرس «{ $lesson }» ما عندو حتى نص ف هاد الفيشي.
content-defect-parts-count = الدرس «{ $lesson }» فيه هنا { $found } ديال الأجزاء، و toolbox.toml كيقول { $expected }.
content-defect-options-count = السؤال «{ $question }» (الدرس «{ $lesson }») فيه هنا { $found } ديال الخيارات، و toolbox.toml كيقول { $expected }.
content-defect-caption-missing = الدرس «{ $lesson }» فيه ميديا: خاصو تعليق (caption) ف كل لغة.
content-defect-caption-without-media = الدرس «{ $lesson }» ما فيهش ميديا: هاد التعليق (caption) عمرو ما غادي يبان.
content-defect-text-too-long = النص طويل بزاف ({ $kind ->
    [title] عنوان
    [summary] ملخص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق ديال الأخلاقيات
   *[reference] مرجع المصدر
}): فيه { $length } حرف، والماكسيموم { $max }.
content-defect-empty-text = النص خاوي ({ $kind ->
    [title] عنوان
    [summary] ملخص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق ديال الأخلاقيات
   *[reference] مرجع المصدر
}).
content-defect-undeclared-lesson = الدرس «{ $lesson }» ما مكتوبش ف toolbox.toml (غلط ف الكتابة، ولا درس تحيّد؟).
content-defect-undeclared-question = السؤال «{ $question }» ما مكتوبش للدرس «{ $lesson }» ف toolbox.toml.
content-defect-unknown-track-role = الدور ديال المسار ما معروفش: «{ $value }». اللي ممكن: volunteer و manager.
content-defect-valid-months-out-of-range = مدة الصلاحية { $months } شهر: خاصها تكون بين 1 و { $max } شهر.
content-defect-score-out-of-range = النقطة الدنيا { $score }٪: خاصها تكون بين 1 و 100.
content-defect-unknown-reference = «{ $id }» ماشي صندوق أدوات ولا درس (صندوق/درس) ف هاد المحتوى.
content-defect-retake-outside-track = الدرس «{ $id }» اللي خاصو يتعاود ماشي من المسار.
content-defect-bad-version = نسخة الدرس ماشي صحيحة: «{ $version }». النسخة فيها 16 رقم ست عشري (كيبينهم tatwir certificate tracks --json).
content-defect-empty-track = هاد المسار ما كيطلب حتى درس.
content-defect-duplicate-track = المعرّف ديال المسار «{ $id }» ديجا مستعمل ف { $other }.
content-defect-unknown-criterion-kind = نوع المعيار ما معروفش: «{ $value }». اللي ممكن: managers_certified و active_volunteers_certified و members_certified و charter_adopted و meetings_attended.
content-defect-number-out-of-range = { $field } فيه { $value }: خاصو يكون بين { $min } و { $max }.
content-defect-unknown-track = «{ $id }» ماشي مسار ديال الشهادة ف هاد المحتوى (الدوسي certificates/).
content-defect-duplicate-criterion = المعيار «{ $id }» ديجا مكتوب ف السطر { $line }.
content-defect-no-criteria = علامة الجودة ما فيها حتى معيار ([[criterion]]): غادي تتعطى لكاع الجمعيات.

cli-telegram-links = روابط تيليغرام: للمتطوعين { $volunteer } · للمسؤولين { $manager }

cli-broadcast-queued = الإعلان رقم { $id }: { $count } واحد ف لائحة الانتظار.
cli-broadcast-report = الإعلان رقم { $id }: تصيفطو { $sent }، كيتسناو { $pending }، فشلو { $failed }، ما يمكنش نوصلو ل { $unreachable }.
cli-broadcast-unknown = ما كاينش إعلان رقم { $id }.
cli-broadcast-text-invalid = نص الإعلان ما يمكنش يكون خاوي ولا طويل كثر من 4000 حرف.

cli-meeting-created = تخلق الاجتماع رقم { $id }؛ العرضات ف لائحة الانتظار: { $count }.
cli-meeting-invalid = قيمة ماشي صالحة ل { $what } (التواريخ بحال 2027-02-07T10:00، منطقة زمنية د IANA، cron ب 6 ولا 7 ديال الخانات، التذكيرات بحال 24h ولا 90m ولا 2d ولا none حتى ل 30 يوم).
cli-meeting-unknown = ما كاينش اجتماع رقم { $id }.
cli-meeting-cancel-done = تلغى الاجتماع رقم { $id }؛ شحال من واحد تعلم: { $count }.
cli-meeting-changed = تبدّل الاجتماع رقم { $id }؛ شحال من واحد تعلم: { $count }.
cli-meeting-cancelled = ملغي
cli-meetings-none = حتى اجتماع.
cli-col-title = العنوان
cli-col-start = البداية

cli-meeting-attendance = الاجتماع رقم { $id } ({ $occurrence }): تسجّل الحضور ديال { $count }.

cli-error-unknown-group = ما كايناش هاد المجموعة: رقم { $group }. الأمر «tatwir group list» كيعطي أرقام المجموعات اللي فيهم البوت.
cli-groups-none = حتى مجموعة: زيد البوت لشي مجموعة وعاود.
cli-group-left = خرج منها
cli-group-language-set = المجموعة رقم { $group }: الميساجات ديال الاجتماعات غادي يتكتبو فيها ب«{ $language }».
cli-group-platform = المنصة
cli-group-claimed = { $association ->
    [none] المجموعة رقم { $group }: رجعات ديال المنصة (كيسيّروها المنسقين).
   *[other] المجموعة رقم { $group }: ولات ديال «{ $association }» (كيسيّروها المسؤولين ديالها).
}
cli-error-language = لغة ما معروفاش: «{ $language }». ختار fr ولا ar ولا ary (default: الفرنسية).
cli-col-channel = القناة

## tatwir outbox
cli-outbox-empty = حتى حاجة ما كتسنّى تتصيفط، وحتى ميساج ما تخلّينا عليه.
cli-outbox-pending = كيتسنّى
cli-outbox-failed = تخلّينا عليه
cli-outbox-sent = تصيفط
cli-outbox-unreachable = ما كيوصلش
cli-col-kind = النوع
cli-col-chat = المحادثة
cli-col-tries = المحاولات
cli-col-queued = دخل للصف
cli-col-error = آخر غلطة
cli-outbox-retried = { PLURAL($count) ->
    [zero] ما كاين حتى ميساج متخلّي عليه باش نعاودو نصيفطوه.
    [one] ميساج واحد متخلّي عليه غادي يتعاود يتصيفط من دابا.
   *[other] { $count } ديال الميساجات المتخلّي عليهم غادي يتعاودو يتصيفطو من دابا.
}
cli-error-outbox-retry = عطي يا إما النمر ديال الميساجات اللي بغيتي تعاود تصيفطهم (tatwir outbox list --failed كيورّيهم)، يا إما ‎--failed‎ لكاع الميساجات المتخلّي عليهم.

cli-col-person = الشخص
cli-col-track = المسار
cli-col-issued = تعطات
cli-certificate-no-tracks = هاد المحتوى ما فيه حتى مسار ديال الشواهد (content/certificates/*.toml).
cli-certificate-track = { $id } — { $title } ({ $role }): { $lessons } درس ب { $min }٪ على الأقل{ $meetings ->
        [0] {""}
       *[other] ، { $meetings } اجتماع
    }{ $months ->
        [0] ، بلا حد ديال الوقت
       *[other] ، صالحة { $months } شهر
    }
cli-certificate-unknown-track = مسار ما معروفش: «{ $track }». شوف tatwir certificate tracks.
cli-certificate-unknown = ما كايناش شهادة بالكود «{ $code }».
cli-certificate-not-manager = الشخص { $person } ماشي مسؤول على حتى جمعية: هاد الشهادة غير للمسؤولين.
cli-certificate-bad-name = سمية ماشي صالحة: سطر واحد، { $max } حرف على الأكثر، وفيها حرف واحد على الأقل.
cli-certificate-bad-reason = عطي سبب (سطر واحد، 500 حرف على الأكثر).
cli-certificate-held = الشخص { $person } ديجا عندو هاد الشهادة (الكود { $code }).
cli-certificate-issued = الشهادة { $code } تعطات للشخص { $person }: { $url }
cli-certificate-none = حتى شهادة.
cli-certificate-revoked = الشهادة { $code } تلغات.
cli-certificate-state = { $state ->
        [valid] صالحة
        [expiring_soon] غادي تسالي قريب
        [expired] سالات
       *[revoked] ملغية
    }
cli-certificate-key-current = كتوقّع
cli-certificate-key-retired = متقاعدة (باقا كتأكد)
cli-certificate-key-rotated = ساروت جديد ديال اللي كيعطي الشواهد: { $kid }. القديم باقي كيأكد داكشي اللي وقّع.
cli-label-none = المحتوى اللي كيتقرا ما فيهش علامة الجودة (content/label.toml): دخلو ب «tatwir content import».
cli-label-state = الجمعية رقم { $id } ({ $association }): { $state ->
        [granted] العلامة تعطات ف { $since }، وصالحة حتى ل { $until }
        [expired] العلامة تعطات ف { $since }، والمدة ديالها سالات ف { $until }
        [lost] العلامة تعطات ف { $since }، ومشات ف { $until }
       *[none] ما كايناش العلامة
    }.
cli-label-met = آه
cli-label-not-met = لا
cli-col-criterion = المعيار
cli-col-met = مكمّل
cli-col-actual = اللي كاين
cli-col-needed = اللي خاص
cli-label-evaluated = الجمعيات اللي تقيّمو: { $associations }؛ العلامات اللي تعطاو: { $granted }، اللي تمددو: { $extended }، اللي مشاو: { $lost } (التنبيهات للمسؤولين: { $warned }).
