# التعاون: الحملات والتصويت والمندوبين والبيانات المشتركة (المسألة 14).

help-votes = التصويتات المحلولة اللي كتصوّت فيها على جمعيتك
help-statements = البيانات المشتركة باش تقراها وتسيني عليها
help-campaigns = الحملات ديال التحالف
help-delegate = عيّن المندوبين اللي كيصوّتو على جمعيتك
help-propose = اقترح حملة (المنسّق هو اللي كيحلّها)
help-vote = حل تصويت، مدّدو، سدّو ولا بيّنو
help-argument-vote = open|extend|close|show N …

vote-option-for = مع
vote-option-against = ضد
vote-option-abstain = ممتنع

vote-heading = 🗳 تصويت: { $question }
vote-campaign = الحملة: { $title }
vote-deadline = آخر أجل: { $deadline }
vote-rules = النصاب: { $quorum }٪ من الجمعيات · أغلبية { $majority ->
        [two-thirds] الثلثين
       *[simple] بسيطة
    } من الأصوات المعبَّر عنها (دون احتساب الامتناع) · تصويت { $secret ->
        [yes] سري
       *[no] علني: يُنشر اختيار كل جمعية عند الإغلاق
    }
vote-secret-explained = تصويت سري: لا يُنشر إلا عدد الأصوات، مع قائمة الإيصالات واختياراتها، لتتحقق كل جمعية من إيصالها ويستطيع كل أحد إعادة العد. ما زال بإمكان مشغّل الخدمة ربط إيصال بجمعية.
vote-progress = صوّتت { $voted } من أصل { $total } { PLURAL($total) ->
        [zero] جمعية
        [one] جمعية
        [two] جمعيتين
        [few] جمعيات
        [many] جمعية
       *[other] جمعية
    }. لا يصوّت إلا المندوبون، بصوت واحد لكل جمعية.
vote-closed-heading = أُغلق التصويت.
vote-result-line = { $option }: { $count }

vote-counted = { $changed ->
        [yes] تبدّل التصويت
       *[no] تسجّل التصويت
    } ديال { $association }{ $secret ->
        [yes] { " " }(تصويت سري). الإيصال ديالك: { $receipt } (خبّيه باش تتأكد من الحساب).
       *[no] : { $option }.
    }
vote-closed = هاد التصويت تسدّ: ما تبدّل والو.
vote-not-taking-part = غير المندوبين ديال الجمعيات المشاركة اللي كيصوّتو فهاد التصويت. ما تبدّل والو.
vote-not-delegate = نتا ما كتصوّتش على { $association }: { PLURAL($count) ->
        [zero] ما عندها لا مندوب لا مسؤول يصوّت.
        [one] { $delegates } هو اللي كيصوّت عليها.
       *[other] { $delegates } هوما اللي كيصوّتو عليها.
    } ما تبدّل والو.
vote-which-association = باسم أي جمعية تصوّت «{ $option }»؟
vote-which-association-private = أنت تصوّت باسم عدة جمعيات: اختر الجمعية في محادثتنا الخاصة ({ $link }).
vote-which-association-no-private = أنت تصوّت باسم عدة جمعيات: راسلني في محادثة خاصة ({ $link }) ثم أرسل { $votes }.
vote-you-vote-for = { PLURAL($count) ->
        [one] أنت تصوّت باسم جمعيتك.
        [two] أنت تصوّت باسم جمعيتين: ستختار أيهما.
        [few] أنت تصوّت باسم { $count } جمعيات: ستختار أيها.
       *[other] أنت تصوّت باسم { $count } جمعية: ستختار أيها.
    }
vote-yours-none = { $association } مازال ما صوّتاتش.
vote-yours-choice = صوّتت { $association }: { $option }.
vote-yours-secret = صوّتت { $association } (تصويت سري). الإيصال: { $receipt }
votes-none = ما كاين حتى تصويت محلول كيتسناك.

vote-result-heading = 🗳 النتيجة: { $question }
vote-quorum-line = صوّتت { $voted } من أصل { $total } { PLURAL($total) ->
        [zero] جمعية
        [one] جمعية
        [two] جمعيتين
        [few] جمعيات
        [many] جمعية
       *[other] جمعية
    }: نصاب { $quorum }٪ { $met ->
        [yes] مكتمل
       *[no] غير مكتمل
    }.
vote-outcome-no-votes = لم تصوّت أي جمعية: لم يُتَّخذ أي قرار.
vote-outcome-no-quorum = النصاب غير مكتمل: لم يُتَّخذ أي قرار.
vote-outcome-no-majority = لم يبلغ أي خيار الأغلبية { $majority ->
        [two-thirds] (الثلثين)
       *[simple] البسيطة
    }: لم يُتَّخذ أي قرار.
vote-outcome-tie = تعادل ({ $options }): لم يبلغ أي خيار الأغلبية، ولم يُتَّخذ أي قرار.
vote-outcome-adopted = اعتُمد: { $option }.
vote-receipts-heading = الإيصالات واختياراتها (بترتيب عشوائي):
vote-choices-heading = اختيارات الجمعيات:
vote-result-yours = { $voted ->
        [yes] صوّتت { $association }.
       *[no] لم تصوّت { $association }.
    }
vote-reminder = ⏰ التصويت «{ $question }» قرّب يتسدّ (آخر أجل: { $deadline }). جمعيتك مازال ما صوّتاتش.
vote-extended = 🗳 آخر أجل جديد ديال التصويت «{ $question }»: { $deadline }.
vote-usage = الاستعمال: { $command } open الحملة DD/MM/YYYY HH:MM [secret] [60%] [2/3] [all] السؤال · { $command } extend N DD/MM/YYYY HH:MM · { $command } close N · { $command } show N (عادةً: مع، ضد، ممتنع؛ نصاب 50٪؛ أغلبية بسيطة؛ تصويت علني)
vote-opened = فُتح التصويت رقم { $id } لـ{ $total } { PLURAL($total) ->
        [one] جمعية
        [two] جمعيتين
        [few] جمعيات
       *[other] جمعية
    }.
vote-extended-done = التصويت رقم { $id }: آخر أجل جديد { $deadline }. أُخبر جميع المشاركين.
vote-closed-done = أُغلق التصويت رقم { $id }: نُشرت النتيجة.
vote-unknown = لا يوجد تصويت رقم { $id }.
campaign-unknown = لا توجد حملة مفتوحة رقم { $id }.
vote-deadline-invalid = آخر أجل غير مقروء أو فات: اكتب مثلًا 07/02/2027 18:00.
vote-not-voted-yet = { PLURAL($count) ->
        [zero] صوّتت كل الجمعيات.
       *[other] لم تصوّت بعد: { $associations }.
    }

statement-heading = 📜 { $title } (النسخة { $version })
statement-deadline = التوقيعات حتى { $deadline }
statement-signed-by = { PLURAL($count) ->
        [zero] لم توقّع أي جمعية بعد.
        [one] وقّعته { $associations }.
        [two] وقّعته جمعيتان: { $associations }.
        [few] وقّعته { $count } جمعيات: { $associations }.
       *[other] وقّعته { $count } جمعية: { $associations }.
    }
statement-sign = ✍️ سيني على جمعيتي
statement-sign-for = ✍️ سيني على { $association }
statement-which-association = باسم أي جمعية توقّع؟
statement-signed = ✍️ وقّعت { $association } «{ $title }» (النسخة { $version }).
statement-already-signed = سبق أن وقّعت { $association } هذه النسخة: لم يتغير شيء.
statement-stale = تغيّر النص منذ ذلك الحين: اقرأ النسخة الجديدة بـ{ $statements } ووقّعها. لم يتغير شيء.
statement-closed = هاد البيان تسدّ: ما تبدّل والو.
statement-not-allowed = لا يوقّع باسم الجمعية إلا مسؤولوها ومندوبوها. لم يتغير شيء.
statement-changed = ✏️ تغيّر نص «{ $title }» (النسخة { $version }): أُلغي التوقيع المعطى للنسخة السابقة. اقرأه ووقّعه من جديد.
statement-closed-final = النص النهائي والموقّعون: { $link }
statements-none = ما كاين حتى بيان محلول للتوقيع.

delegate-title = المندوبون الذين يصوّتون باسم جمعيتك
delegate-current = { $association }: { PLURAL($count) ->
        [zero] لم يُعيَّن أي مندوب، ويصوّت مسؤولوها.
       *[other] { $delegates }.
    }
delegate-add = ➕ { $name } ({ $association })
delegate-remove = ➖ { $name } ({ $association })
delegate-named = تعيّن المندوب.
delegate-removed = ما بقاش مندوب.
delegate-not-member = لم يعد هذا الشخص عضوًا في الجمعية: لم يتغير شيء.

propose-title = شنو هو العنوان ديال الحملة اللي كتقترح؟ (سطر واحد)
propose-title-invalid = عنوان من سطر واحد، { $max } حرفًا على الأكثر. اكتبه من جديد.
propose-text = الموقف المدافَع عنه، بالفرنسية (يمكن لمنسّق أن يضيف العربية والدارجة):
propose-text-invalid = هذا النص فارغ أو طويل جدًا. اكتبه من جديد.
propose-done = اقتُرحت الحملة رقم { $id }. سيفتحها منسّق؛ ويعرضها { $campaigns }.
campaigns-title = الحملات
campaigns-line = رقم { $id } { $title } ({ $status ->
        [proposed] مقترحة
       *[open] مفتوحة
    })
campaigns-none = ما كاينة حتى حملة دابا.
campaign-open-button = فتح «{ $title }»
campaign-opened = فُتحت الحملة رقم { $id } «{ $title }».

cli-vote-bad-zone = منطقة زمنية غير معروفة: { $zone } (مثلًا Africa/Casablanca).
cli-vote-bad-deadline = آخر أجل غير مقروء: { $deadline } (اكتب 2027-02-07T18:00).
cli-vote-past-deadline = آخر أجل قد فات.
cli-vote-bad-options = يلزم من 2 إلى 10 خيارات (أو لا شيء: مع، ضد، امتناع).
cli-campaign-bad-words = نص مرفوض: { $why }.
cli-campaign-bad-link = رابط مرفوض (http أو https، سطر واحد): { $link }
cli-campaign-not-found = غير موجود: { $what } رقم { $id }.
cli-campaign-conflict = غير ممكن بالنسبة لـ{ $what } رقم { $id }: { $why }.
cli-campaign-added = فُتحت الحملة رقم { $id }.
cli-campaign-opened = فُتحت الحملة رقم { $id }.
cli-vote-opened = تحلّ التصويت رقم { $id } لـ{ $total } { PLURAL($total) ->
        [one] جمعية
        [two] جمعيتين
        [few] جمعيات
       *[other] جمعية
    }.
cli-vote-extended = التصويت رقم { $id }: آخر أجل جديد؛ أُخبر المشاركون.
cli-vote-closed = أُغلق التصويت رقم { $id }: نُشرت النتيجة.
cli-vote-already-closed = كان التصويت رقم { $id } مغلقًا من قبل.
cli-statement-added = أُضيف البيان رقم { $id } (النسخة 1).
cli-statement-edited = البيان رقم { $id }: النسخة { $version }؛ أُلغيت التوقيعات السابقة وأُخبر أصحابها.
cli-statement-unchanged = البيان رقم { $id }: النص نفسه، ما تبدّل والو (النسخة { $version }).
cli-statement-closed = أُغلق البيان رقم { $id }: نُشر النص النهائي.
cli-statement-already-closed = كان البيان رقم { $id } مغلقًا من قبل.
cli-delegate-needs-association = المندوب مندوب جمعية: أضف --association.
cli-delegate-not-member = الشخص رقم { $person } ليس عضوًا في هذه الجمعية.
cli-delegate-named = أصبح الشخص رقم { $person } يصوّت باسم الجمعية رقم { $association }.
cli-delegate-removed = لم يعد الشخص رقم { $person } يصوّت باسم الجمعية رقم { $association }.
cli-delegate-unchanged = ما تبدّل والو.

help-newstatement = كتب بيان مشترك باش يتسيني عليه
help-votelog = شكون بدّل التصويت ديال جمعيتك، إمتى ومنين
help-argument-number = N
statement-write-title = شنو هو العنوان ديال البيان؟ (سطر واحد)
statement-write-text = النص ديالو، بالفرنسية (المنسّق يقدر يزيد العربية والدارجة):
statement-write-deadline = حتى لإمتى التوقيع؟ كتب تاريخ وساعة (07/02/2027 18:00)، ولا «-» بلا أجل.
statement-written = تكتب البيان رقم { $id }: المسؤولين والمندوبين كيسينيو عليه بـ{ $statements }.
votelog-usage = الاستعمال: { $command } N (الرقم ديال التصويت)
votelog-title = السجل ديال التصويت «{ $question }»
votelog-line = { $at } · { $association } · { $person } ({ $channel }){ $secret ->
        [yes] {""}
       *[no] { " " }: { $option }
    }
votelog-empty = مازال ما تسجل حتى تصويت.
vote-reply-with-number = المندوبين: جاوبو على هاد الميساج بالرقم ديال الاختيار ديالكم.
cli-vote-secret-counts = التصويت السري ما كيبيّنش الحساب قبل ما يتسدّ: حيت غادي يبان الاختيار ديال كل جمعية (حيّد --show-results).
cli-campaign-edited = تبدّلات الحملة رقم { $id }.
