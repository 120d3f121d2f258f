# الشواهد (المسألة 13).

help-certificates = الشواهد ديالك، والمسارات اللي باقي فيهم والتجديد ديالهم
help-verify = تتأكد من شي شهادة بالكود ديالها

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

certificate-earned = 🎓 مبروك { $name }! خديتي الشهادة ديال «{ $track }».
certificate-name-ask = شنو السمية اللي نطبعو على الشواهد ديالك؟ { $has_suggestion ->
        [yes] ختار «{ $suggested }» ولا كتب سميتك كاملة
       *[no] كتب سميتك كاملة
    } (سطر واحد، { $max } حرف على الأكثر). غادي تبقى على الشواهد اللي تعطاو.
certificate-name-use = ✅ { $name }
certificate-name-invalid = هاد السمية ما صالحاش: سطر واحد، { $max } حرف على الأكثر، وفيها حرف واحد على الأقل. عاود كتبها.
certificate-name-set = تسجلات: «{ $name }» هي اللي غادي تطبع على الشواهد ديالك.
certificate-name-pending = (السمية باقي ما تأكداتش)
certificate-caption = 🎓 { $track } — { $name }
    { $state }
    الكود: { $code }
    التأكد: { $url }

certificate-state = { $state ->
        [valid] صالحة حتى ل { $until }
        [valid_forever] صالحة بلا حد ديال الوقت
        [expiring_soon] غادي تسالي قريب، ف { $until }
        [expired] سالات من { $until }
       *[revoked] تلغات ف { $revoked }
    }

certificate-email-hint = باش تزيد الشواهد ديالك ل شي حقيبة ديال الشارات (Open Badges)، صيفط { $certificates } ومن موراه الإيميل ديالك: غير البصمة ديالو اللي كتبقى.
certificate-email-set = تسجل: الشواهد ديالك ولاو مربوطين بهاد الإيميل (غير البصمة المشفرة ديالو اللي كتبقى).
certificate-email-invalid = هاد الإيميل باين ماشي صحيح. مثال: { $certificates } name@example.org
certificate-expiring = ⏳ الشهادة ديالك «{ $track }» قربات تسالي: { $state }. اختبار صغير ديال التجديد كيمدّها بنفس الكود.
certificate-issued-by-hand = 🎓 تعطات ليك شهادة «{ $track }» على تكوين حضوري.
certificate-issued-name-needed = 🎓 تعطات ليك شهادة «{ $track }». صيفط { $certificates } باش تأكد السمية اللي تطبع عليها وتوصلك.
certificate-list-title = 🎓 الشواهد ديالك
certificate-list-empty = باقي ما عندك حتى شهادة: كمّل شي مسار باش تاخد وحدة.
certificate-line = • { $track }: { $state } — الكود { $code }
certificate-send-choice = 🖼 { $track }
certificate-progress-title = مسارات باقي فيهم
certificate-progress-line = • { $track }: { PLURAL($done) ->
        [zero] حتى درس ما نجح
        [one] درس واحد ناجح
        [two] جوج دروس ناجحين
        [few] { $done } دروس ناجحين
       *[other] { $done } درس ناجح
    } من { $total }
certificate-progress-choice = 📋 شنو باقي: { $track }
certificate-association-title = الشواهد ديال { $association } ({ $count })
certificate-association-line = • { $name } — { $track }: { $state }

certificate-left-title = باش تكمّل «{ $track }»، باقي:
certificate-left-lesson = • { $lesson } ({ $toolbox }): { $best ->
        [-1] باقي ما دوزتي الاختبار
       *[other] أحسن نتيجة { $best }٪
    }، وخاص { $min }٪
certificate-left-meetings = • الاجتماعات بين الجمعيات: { $attended } من { $needed }
certificate-left-role = • هاد الشهادة غير للمسؤولين ديال الجمعيات.
certificate-left-nothing = كلشي سالي: الشهادة غادي تعطى من بعد الاختبار الجاي ديالك.

certificate-refresher-choice = 🔁 جدّد: { $track }
certificate-refresher-start = 🔁 تجديد «{ $track }»: { PLURAL($count) ->
        [one] سؤال واحد
        [two] جوج أسئلة
        [few] { $count } أسئلة
       *[other] { $count } سؤال
    }، سؤال على كل درس. خاص { $min }٪ ديال الأجوبة الصحيحة.
certificate-refresher-not-now = هاد الشهادة باقي ما يمكنش تتجدد: ممكن من 30 يوم قبل ما تسالي.
certificate-refresher-failed = { $right } من { $total }: ما كافيش باش تتجدد «{ $track }» (خاص { $min }٪). عاود قرا الدروس وجرب مرة خرى.
certificate-renewed = ✅ «{ $track }» تجددات حتى ل { $until }، بنفس الكود.

verify-usage = صيفط { $verify } ومن موراه الكود ديال الشهادة، بحال: { $verify } 7KQ2-M4XD-9PRT-B3WZ
verify-unknown = ما كايناش شي شهادة بهاد الكود. شوف الحروف الستاش وعاود جرب ب { $verify }.
verify-too-many-tries = بزاف ديال الكودات غالطين. عاود جرب من بعد { $minutes } دقيقة.
verify-result = { $ok ->
        [yes] ✅
       *[no] ⚠️
    } الشهادة ديال «{ $track }» تعطات ل { $name } ف { $issued }: { $state }.
    الكود: { $code } — { $url }
verify-revoked-reason = السبب ديال الإلغاء: { $reason }

certificate-card-heading = شهادة
certificate-card-statement = كمّل بنجاح المسار ديال
certificate-card-issued = تعطات ف { $date }
certificate-card-valid-until = صالحة حتى ل { $date }
certificate-card-code = الكود: { $code }
certificate-card-qr = تأكد من هاد الشهادة

web-languages = اللغات
web-verify-title = التأكد من شي شهادة
web-verify-valid = شهادة صالحة
web-verify-not-valid = هاد الشهادة ما بقاتش صالحة
web-verify-holder = مول الشهادة
web-verify-track = الشهادة
web-verify-what = شنو كتشهد
web-verify-issued = تعطات ف
web-verify-renewed = تجددات ف
web-verify-until = صالحة حتى ل
web-verify-revoked = تلغات ف
web-verify-reason = السبب
web-verify-issuer = اللي عطاها
web-verify-code = الكود
web-verify-pdf = نسخة PDF للطباعة
web-verify-ob3 = Open Badges 3.0 (وثيقة موقّعة كتقدر تتأكد منها)
web-verify-ob2 = Open Badges 2.0 (للحقائب ديال الشارات)
web-verify-unknown-title = الشهادة ما كايناش
web-verify-unknown = ما كايناش شي شهادة بهاد الكود. شوف الحروف الستاش، بحال 7KQ2-M4XD-9PRT-B3WZ.
web-verify-too-many = بزاف ديال الكودات غالطين من العنوان ديالك. عاود جرب من بعد { $minutes } دقيقة.
web-badge-criteria = تنجح ف الاختبار ديال كل درس من هاد الدروس ب { $min }٪ على الأقل: { $lessons }.
