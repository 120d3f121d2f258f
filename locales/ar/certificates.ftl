# الشهادات (المسألة 13).

help-certificates = شهاداتك، والمسارات الجارية وتجديدها
help-verify = التحقق من شهادة برمزها

date-long = { $day } { $month ->
        [1] يناير
        [2] فبراير
        [3] مارس
        [4] أبريل
        [5] ماي
        [6] يونيو
        [7] يوليوز
        [8] غشت
        [9] شتنبر
        [10] أكتوبر
        [11] نونبر
       *[12] دجنبر
    } { $year }

certificate-earned = 🎓 تهانينا { $name }! لقد حصلت على شهادة «{ $track }».
certificate-name-ask = ما الاسم الذي يُطبع على شهاداتك؟ { $has_suggestion ->
        [yes] اختر «{ $suggested }» أو اكتب اسمك الكامل
       *[no] اكتب اسمك الكامل
    } (سطر واحد، { $max } حرفًا على الأكثر). سيبقى على الشهادات المسلَّمة.
certificate-name-use = ✅ { $name }
certificate-name-invalid = هذا الاسم غير مناسب: سطر واحد، { $max } حرفًا على الأكثر، وفيه حرف واحد على الأقل. اكتبه من جديد.
certificate-name-set = تم التسجيل: سيُطبع «{ $name }» على شهاداتك.
certificate-name-pending = (الاسم في انتظار التأكيد)
certificate-caption = 🎓 { $track } — { $name }
    { $state }
    الرمز: { $code }
    التحقق: { $url }

certificate-state = { $state ->
        [valid] صالحة حتى { $until }
        [valid_forever] صالحة دون حد زمني
        [expiring_soon] تنتهي قريبًا، في { $until }
        [expired] منتهية منذ { $until }
       *[revoked] أُلغيت في { $revoked }
    }

certificate-email-hint = لإضافة شهاداتك إلى حقيبة شارات (Open Badges)، أرسل { $certificates } متبوعًا ببريدك الإلكتروني: لا تُحفظ إلا بصمته.
certificate-email-set = تم التسجيل: صارت شهاداتك تشير إلى هذا البريد الإلكتروني (لا تُحفظ إلا بصمته المشفّرة).
certificate-email-invalid = يبدو أن هذا البريد الإلكتروني غير صالح. مثال: { $certificates } name@example.org
certificate-expiring = ⏳ تقترب شهادتك «{ $track }» من نهايتها: { $state }. اختبار تجديد قصير يمدّدها بالرمز نفسه.
certificate-issued-by-hand = 🎓 سُلِّمت لك شهادة «{ $track }» عن تكوين حضوري.
certificate-issued-name-needed = 🎓 سُلِّمت لك شهادة «{ $track }». أرسل { $certificates } لتأكيد الاسم الذي يُطبع عليها واستلامها.
certificate-list-title = 🎓 شهاداتك
certificate-list-empty = ليست لديك شهادة بعد: أكمل مسارًا لتحصل على واحدة.
certificate-line = • { $track }: { $state } — الرمز { $code }
certificate-send-choice = 🖼 { $track }
certificate-progress-title = مسارات جارية
certificate-progress-line = • { $track }: { PLURAL($done) ->
        [zero] لا درس ناجح
        [one] درس واحد ناجح
        [two] درسان ناجحان
        [few] { $done } دروس ناجحة
       *[other] { $done } درسًا ناجحًا
    } من أصل { $total }
certificate-progress-choice = 📋 ما تبقّى: { $track }
certificate-association-title = شهادات { $association } ({ $count })
certificate-association-line = • { $name } — { $track }: { $state }

certificate-left-title = لإتمام «{ $track }»، بقي:
certificate-left-lesson = • { $lesson } ({ $toolbox }): { $best ->
        [-1] لم يُجرَ الاختبار بعد
       *[other] أفضل نتيجة { $best }٪
    }، والمطلوب { $min }٪
certificate-left-meetings = • الاجتماعات بين الجمعيات: { $attended } من { $needed }
certificate-left-role = • هذه الشهادة مخصصة لمسؤولي الجمعيات.
certificate-left-nothing = أُنجز كل شيء: ستُسلَّم الشهادة بعد اختبارك القادم.

certificate-refresher-choice = 🔁 تجديد: { $track }
certificate-refresher-start = 🔁 تجديد «{ $track }»: { PLURAL($count) ->
        [one] سؤال واحد
        [two] سؤالان
        [few] { $count } أسئلة
       *[other] { $count } سؤالًا
    }، سؤال لكل درس. المطلوب { $min }٪ من الإجابات الصحيحة.
certificate-refresher-not-now = لا يمكن تجديد هذه الشهادة بعد: يصبح ذلك ممكنًا قبل 30 يومًا من نهايتها.
certificate-refresher-failed = { $right } من { $total }: غير كافٍ لتجديد «{ $track }» (المطلوب { $min }٪). أعد قراءة الدروس وحاول مجددًا.
certificate-renewed = ✅ جُدِّدت «{ $track }» حتى { $until }، بالرمز نفسه.

verify-usage = أرسل { $verify } متبوعًا برمز الشهادة، مثلًا: { $verify } 7KQ2-M4XD-9PRT-B3WZ
verify-unknown = لا توجد شهادة بهذا الرمز. تحقّق من الأحرف الستة عشر وأعد المحاولة بـ { $verify }.
verify-too-many-tries = رموز خاطئة كثيرة. أعد المحاولة بعد { $minutes } دقيقة.
verify-result = { $ok ->
        [yes] ✅
       *[no] ⚠️
    } شهادة «{ $track }» مسلَّمة إلى { $name } في { $issued }: { $state }.
    الرمز: { $code } — { $url }
verify-revoked-reason = سبب الإلغاء: { $reason }

certificate-card-heading = شهادة
certificate-card-statement = أتمّ بنجاح مسار
certificate-card-issued = سُلِّمت في { $date }
certificate-card-valid-until = صالحة حتى { $date }
certificate-card-code = الرمز: { $code }
certificate-card-qr = تحقّق من هذه الشهادة

web-languages = اللغات
web-verify-title = التحقق من شهادة
web-verify-valid = شهادة صالحة
web-verify-not-valid = هذه الشهادة لم تعد صالحة
web-verify-holder = الحامل
web-verify-track = الشهادة
web-verify-what = ما تشهد به
web-verify-issued = سُلِّمت في
web-verify-renewed = جُدِّدت في
web-verify-until = صالحة حتى
web-verify-revoked = أُلغيت في
web-verify-reason = السبب
web-verify-issuer = الجهة المانحة
web-verify-code = الرمز
web-verify-pdf = نسخة PDF للطباعة
web-verify-ob3 = Open Badges 3.0 (وثيقة إثبات موقَّعة قابلة للتحقق)
web-verify-ob2 = Open Badges 2.0 (لحقائب الشارات)
web-verify-unknown-title = شهادة غير موجودة
web-verify-unknown = لا توجد شهادة بهذا الرمز. تحقّق من الأحرف الستة عشر، مثلًا 7KQ2-M4XD-9PRT-B3WZ.
web-verify-too-many = رموز خاطئة كثيرة من عنوانك. أعد المحاولة بعد { $minutes } دقيقة.
web-badge-criteria = النجاح في اختبار كل درس من هذه الدروس بنسبة { $min }٪ على الأقل: { $lessons }.
