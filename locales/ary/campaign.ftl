# التعاون: الحملات، التصويت، المندوبين والبيانات المشتركة (المسألة 14).

help-votes = التصويتات المحلولة اللي كتصوّت فيها باسم الجمعية ديالك
help-statements = البيانات المشتركة باش تقراها وتسيني عليها
help-campaigns = الحملات ديال التحالف
help-delegate = تعيّن المندوبين اللي كيصوّتو باسم الجمعية ديالك
help-propose = تقترح حملة (المنسّق هو اللي كيحلّها)
help-vote = تحلّ تصويت، تمدّدو، تسدّو ولا تبيّنو
help-argument-vote = open|extend|close|show N …

vote-option-for = مع
vote-option-against = ضد
vote-option-abstain = امتناع

vote-heading = 🗳 تصويت: { $question }
vote-campaign = الحملة: { $title }
vote-deadline = آخر أجل: { $deadline }
vote-rules = النصاب: { $quorum }٪ من الجمعيات · الأغلبية { $majority ->
        [two-thirds] ديال الثلثين
       *[simple] البسيطة
    } من الأصوات اللي تعطات (الامتناع بوحدو) · تصويت { $secret ->
        [yes] سرّي
       *[no] مكشوف: الاختيار ديال كل جمعية غادي يتنشر ملي يتسدّ التصويت
    }
vote-secret-explained = تصويت سرّي: ما كيتنشر غير الحساب ديال الأصوات، مع الليستة ديال الوصولات والاختيار ديال كل وصل، باش كل جمعية تتأكد من الوصل ديالها وأي واحد يقدر يعاود يحسب. ولكن اللي كيسيّر الخدمة باقي يقدر يعرف شمن جمعية مولات شي وصل.
vote-progress = { PLURAL($voted) ->
        [zero] حتى جمعية ما صوّتات من { $total }
        [one] جمعية وحدة صوّتات من { $total }
        [two] جوج جمعيات صوّتو من { $total }
        [few] { $voted } جمعيات صوّتو من { $total }
        [many] { $voted } جمعية صوّتو من { $total }
       *[other] { $voted } جمعية صوّتو من { $total }
    }. غير المندوبين اللي كيصوّتو، صوت واحد لكل جمعية.
vote-closed-heading = التصويت تسدّ.
vote-result-line = { $option }: { $count }

vote-counted = { $changed ->
        [yes] تبدّل التصويت
       *[no] تسجّل التصويت
    } باسم { $association }{ $secret ->
        [yes] { " " }(تصويت سرّي). الوصل ديالك: { $receipt } (خلّيه عندك باش تتأكد من الحساب).
       *[no] : { $option }.
    }
vote-closed = هاد التصويت تسدّ: ما تبدّل والو.
vote-not-taking-part = غير المندوبين ديال الجمعيات المشاركة فهاد التصويت اللي كيصوّتو. ما تبدّل والو.
vote-not-delegate = نتا ما كتصوّتش باسم { $association }: { PLURAL($count) ->
        [zero] ما عندها لا مندوب لا مسؤول يصوّت باسمها.
        [one] { $delegates } هو اللي كيصوّت باسمها.
       *[other] { $delegates } هوما اللي كيصوّتو باسمها.
    } ما تبدّل والو.
vote-which-association = باسم أشمن جمعية كتصوّت «{ $option }»؟
vote-which-association-private = كتصوّت باسم كثر من جمعية: ختار أشمن وحدة فالهضرة ديالنا فالخاص ({ $link }).
vote-which-association-no-private = كتصوّت باسم كثر من جمعية: كتب ليا فالخاص ({ $link }) ومن بعد صيفط { $votes }.
vote-you-vote-for = { PLURAL($count) ->
        [one] كتصوّت باسم الجمعية ديالك.
        [two] كتصوّت باسم جوج جمعيات: غادي تختار أشمن وحدة.
        [few] كتصوّت باسم { $count } جمعيات: غادي تختار أشمن وحدة.
        [many] كتصوّت باسم { $count } جمعية: غادي تختار أشمن وحدة.
       *[other] كتصوّت باسم { $count } جمعية: غادي تختار أشمن وحدة.
    }
vote-yours-none = { $association } مازال ما صوّتاتش.
vote-yours-choice = { $association } صوّتات: { $option }.
vote-yours-secret = { $association } صوّتات (تصويت سرّي). الوصل: { $receipt }
votes-none = ما كاين حتى تصويت محلول كيتسناك.

vote-result-heading = 🗳 النتيجة: { $question }
vote-quorum-line = { PLURAL($voted) ->
        [zero] حتى جمعية ما صوّتات من { $total }
        [one] جمعية وحدة صوّتات من { $total }
        [two] جوج جمعيات صوّتو من { $total }
        [few] { $voted } جمعيات صوّتو من { $total }
        [many] { $voted } جمعية صوّتو من { $total }
       *[other] { $voted } جمعية صوّتو من { $total }
    }: النصاب ديال { $quorum }٪ { $met ->
        [yes] تحقّق
       *[no] ما تحقّقش
    }.
vote-outcome-no-votes = حتى جمعية ما صوّتات: ما تقرّر والو.
vote-outcome-no-quorum = النصاب ما تحقّقش: ما تقرّر والو.
vote-outcome-no-majority = حتى اختيار ما وصل للأغلبية { $majority ->
        [two-thirds] ديال الثلثين
       *[simple] البسيطة
    }: ما تقرّر والو.
vote-outcome-tie = تعادل ({ $options }): حتى اختيار ما وصل للأغلبية، وما تقرّر والو.
vote-outcome-adopted = تعتمد: { $option }.
vote-receipts-heading = الوصولات والاختيارات ديالهم (مخلّطين بلا ترتيب):
vote-choices-heading = الاختيارات ديال الجمعيات:
vote-result-yours = { $association } { $voted ->
        [yes] صوّتات.
       *[no] ما صوّتاتش.
    }
vote-reminder = ⏰ التصويت «{ $question }» قرّب يتسدّ (آخر أجل: { $deadline }). الجمعية ديالك مازال ما صوّتاتش.
vote-extended = 🗳 آخر أجل جديد ديال التصويت «{ $question }»: { $deadline }.
vote-usage = كيفاش تخدم بيه: { $command } open الحملة DD/MM/YYYY HH:MM [secret] [60%] [2/3] [all] [group=N] السؤال [| اختيار | اختيار…] · { $command } extend N DD/MM/YYYY HH:MM · { $command } close N · { $command } show N (عادةً: مع، ضد، امتناع؛ النصاب 50٪؛ أغلبية بسيطة؛ تصويت مكشوف؛ من 2 حتى 10 ديال الاختيارات ديالك، والامتناع ديما كيتزاد)
vote-opened = التصويت رقم { $id } تحلّ ل { PLURAL($total) ->
        [zero] { $total } جمعية
        [one] جمعية وحدة
        [two] جوج جمعيات
        [few] { $total } جمعيات
        [many] { $total } جمعية
       *[other] { $total } جمعية
    }.
vote-extended-done = التصويت رقم { $id }: آخر أجل جديد { $deadline }. كاع المشاركين تعلمو.
vote-closed-done = التصويت رقم { $id } تسدّ: النتيجة تنشرات.
vote-unknown = ما كاين حتى تصويت رقم { $id }.
campaign-unknown = ما كاينة حتى حملة محلولة رقم { $id }.
vote-deadline-invalid = ما فهمتش آخر أجل، ولا راه فات: كتب مثلا 07/02/2027 18:00.
vote-not-voted-yet = { PLURAL($count) ->
        [zero] كاع الجمعيات صوّتو.
       *[other] باقي ما صوّتوش: { $associations }.
    }

statement-heading = 📜 { $title } (النسخة { $version })
statement-deadline = التوقيع مفتوح حتى ل { $deadline }
statement-signed-by = { PLURAL($count) ->
        [zero] حتى جمعية باقي ما سنيات.
        [one] سنيات عليه { $associations }.
        [two] سنياو عليه جوج جمعيات: { $associations }.
        [few] سنياو عليه { $count } جمعيات: { $associations }.
        [many] سنياو عليه { $count } جمعية: { $associations }.
       *[other] سنياو عليه { $count } جمعية: { $associations }.
    }
statement-sign = ✍️ سيني باسم الجمعية ديالي
statement-sign-for = ✍️ سيني باسم { $association }
statement-which-association = باسم أشمن جمعية كتسيني؟
statement-signed = ✍️ { $association } سنيات على «{ $title }» (النسخة { $version }).
statement-already-signed = { $association } ديجا سنيات على هاد النسخة: ما تبدّل والو.
statement-stale = النص تبدّل من داك الساعة: قرا النسخة الجديدة ب { $statements } وسيني عليها. ما تبدّل والو.
statement-closed = هاد البيان تسدّ: ما تبدّل والو.
statement-not-allowed = غير المسؤولين والمندوبين ديال الجمعية اللي كيسينيو باسمها. ما تبدّل والو.
statement-changed = ✏️ النص ديال «{ $title }» تبدّل (النسخة { $version }): التوقيع اللي تعطى للنسخة القديمة تلغى. قراه وسيني عليه من جديد.
statement-closed-final = النص النهائي واللي سنياو عليه: { $link }
statements-none = ما كاين حتى بيان محلول باش تسيني عليه.

delegate-title = المندوبين اللي كيصوّتو باسم الجمعية ديالك
delegate-current = { $association }: { PLURAL($count) ->
        [zero] ما تعيّن حتى مندوب، المسؤولين ديالها هوما اللي كيصوّتو.
       *[other] { $delegates }.
    }
delegate-add = ➕ { $name } ({ $association })
delegate-remove = ➖ { $name } ({ $association })
delegate-named = تعيّن المندوب.
delegate-removed = ما بقاش مندوب.
delegate-not-member = هاد الشخص ما بقاش عضو ف الجمعية: ما تبدّل والو.

propose-title = شنو هو العنوان ديال الحملة اللي كتقترح؟ (سطر واحد)
propose-title-invalid = العنوان خاصو يكون سطر واحد، { $max } حرف على الأكثر. عاود كتبو.
propose-text = الموقف اللي غادي تدافع عليه الحملة، بالفرنسية (المنسّق يقدر يزيد العربية والدارجة ب tatwir campaign edit):
propose-text-invalid = هاد النص خاوي ولا طويل بزاف. عاود كتبو.
propose-done = الحملة رقم { $id } تقترحات. شي منسّق غادي يحلّها؛ و{ $campaigns } كيورّيها.
campaigns-title = الحملات
campaigns-line = رقم { $id } { $title } ({ $status ->
        [proposed] مقترحة
       *[open] محلولة
    })
campaigns-none = ما كاينة حتى حملة دابا.
campaign-open-button = حلّ «{ $title }»
campaign-opened = الحملة رقم { $id } «{ $title }» تحلّات.

cli-vote-bad-zone = منطقة زمنية ما معروفاش: { $zone } (مثلا Africa/Casablanca).
cli-vote-bad-deadline = ما فهمتش آخر أجل: { $deadline } (كتب 2027-02-07T18:00).
cli-vote-past-deadline = آخر أجل ديجا فات.
cli-vote-bad-options = خاص من 2 حتى 10 ديال الاختيارات (ولا بلا اختيارات: مع، ضد، امتناع).
cli-campaign-bad-words = النص ترفض: { $why }.
cli-campaign-bad-link = الرابط ترفض (http ولا https، سطر واحد): { $link }
cli-campaign-not-found = ما لقيتش: { $what } رقم { $id }.
cli-campaign-conflict = ما يمكنش بالنسبة ل{ $what } رقم { $id }: { $why }.
cli-campaign-added = الحملة رقم { $id } تحلّات.
cli-campaign-opened = الحملة رقم { $id } تحلّات.
cli-vote-opened = التصويت رقم { $id } تحلّ ل { PLURAL($total) ->
        [zero] { $total } جمعية
        [one] جمعية وحدة
        [two] جوج جمعيات
        [few] { $total } جمعيات
        [many] { $total } جمعية
       *[other] { $total } جمعية
    }.
cli-vote-extended = التصويت رقم { $id }: آخر أجل جديد؛ المشاركين تعلمو.
cli-vote-closed = التصويت رقم { $id } تسدّ: النتيجة تنشرات.
cli-vote-already-closed = التصويت رقم { $id } كان ديجا مسدود.
cli-statement-added = البيان رقم { $id } تزاد (النسخة 1).
cli-statement-edited = البيان رقم { $id }: النسخة { $version }؛ التوقيعات اللي كانو قبل تلغاو، واللي سنياو تعلمو.
cli-statement-unchanged = البيان رقم { $id }: نفس النص، ما تبدّل والو (النسخة { $version }).
cli-statement-closed = البيان رقم { $id } تسدّ: النص النهائي تنشر.
cli-statement-already-closed = البيان رقم { $id } كان ديجا مسدود.
cli-delegate-needs-association = المندوب كيكون مندوب ديال شي جمعية: زيد --association.
cli-delegate-not-member = الشخص رقم { $person } ماشي عضو فهاد الجمعية.
cli-delegate-named = الشخص رقم { $person } ولّى كيصوّت باسم الجمعية رقم { $association }.
cli-delegate-removed = الشخص رقم { $person } ما بقاش كيصوّت باسم الجمعية رقم { $association }.
cli-delegate-unchanged = ما تبدّل والو.

help-newstatement = تكتب بيان مشترك باش يتسنيا
help-votelog = شكون بدّل التصويت ديال الجمعية ديالك، فوقاش ومنين
help-argument-number = N
statement-write-title = شنو هو العنوان ديال البيان؟ (سطر واحد)
statement-write-text = النص ديالو، بالفرنسية (المنسّق يقدر يزيد العربية والدارجة):
statement-write-deadline = حتى لفوقاش يقدرو يسينيو؟ كتب التاريخ والساعة (07/02/2027 18:00)، ولا «-» إلا ما بغيتيش آخر أجل.
statement-written = البيان رقم { $id } تكتب: المسؤولين والمندوبين كيسينيو عليه ب { $statements }.
votelog-usage = كيفاش تخدم بيه: { $command } N (الرقم ديال التصويت)
votelog-title = السجل ديال التصويت «{ $question }»
votelog-line = { $at } · { $association } · { $person } ({ $channel }){ $secret ->
        [yes] {""}
       *[no] { " " }: { $option }
    }
votelog-empty = حتى تصويت ما تسجّل حتى لدابا.
vote-reply-with-number = المندوبين: جاوبو على هاد الميساج بالرقم ديال الاختيار ديالكم.
cli-vote-secret-counts = التصويت السرّي ما كيبيّنش الحساب ديالو قبل ما يتسدّ: حيت غادي يبيّن الاختيار ديال كل جمعية (حيّد --show-results).
cli-campaign-edited = الحملة رقم { $id } تبدّلات.
