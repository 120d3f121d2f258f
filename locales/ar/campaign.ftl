# التعاون: الحملات والتصويت والمندوبون والبيانات المشتركة (المسألة 14).

help-votes = عمليات التصويت المفتوحة التي تصوّت فيها باسم جمعيتك
help-statements = البيانات المشتركة للقراءة والتوقيع
help-campaigns = حملات التحالف
help-delegate = تعيين المندوبين الذين يصوّتون باسم جمعيتك
help-propose = اقتراح حملة (يفتحها منسّق)
help-vote = فتح تصويت أو تمديده أو إغلاقه أو عرضه
help-argument-vote = open|extend|close|show N …

vote-option-for = مع
vote-option-against = ضد
vote-option-abstain = امتناع

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
        [yes] تم تغيير التصويت
       *[no] تم تسجيل التصويت
    } باسم { $association }{ $secret ->
        [yes] { " " }(تصويت سري). إيصالك: { $receipt } (احتفظ به للتحقق من العد).
       *[no] : { $option }.
    }
vote-closed = هذا التصويت مغلق: لم يتغير شيء.
vote-not-taking-part = لا يصوّت إلا مندوبو الجمعيات المشاركة في هذا التصويت. لم يتغير شيء.
vote-not-delegate = أنت لا تصوّت باسم { $association }: { PLURAL($count) ->
        [zero] ليس لها مندوب ولا مسؤول يصوّت.
        [one] يصوّت باسمها { $delegates }.
       *[other] يصوّت باسمها { $delegates }.
    } لم يتغير شيء.
vote-which-association = باسم أي جمعية تصوّت «{ $option }»؟
vote-which-association-private = أنت تصوّت باسم عدة جمعيات: اختر الجمعية في محادثتنا الخاصة ({ $link }).
vote-which-association-no-private = أنت تصوّت باسم عدة جمعيات: راسلني في محادثة خاصة ({ $link }) ثم أرسل { $votes }.
vote-you-vote-for = { PLURAL($count) ->
        [one] أنت تصوّت باسم جمعيتك.
        [two] أنت تصوّت باسم جمعيتين: ستختار أيهما.
        [few] أنت تصوّت باسم { $count } جمعيات: ستختار أيها.
       *[other] أنت تصوّت باسم { $count } جمعية: ستختار أيها.
    }
vote-yours-none = لم تصوّت { $association } بعد.
vote-yours-choice = صوّتت { $association }: { $option }.
vote-yours-secret = صوّتت { $association } (تصويت سري). الإيصال: { $receipt }
votes-none = لا يوجد تصويت مفتوح في انتظارك.

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
vote-reminder = ⏰ يقترب موعد إغلاق التصويت «{ $question }» (آخر أجل: { $deadline }). لم تصوّت جمعيتك بعد.
vote-extended = 🗳 آخر أجل جديد للتصويت «{ $question }»: { $deadline }.
vote-usage = الاستعمال: { $command } open الحملة DD/MM/YYYY HH:MM [secret] [60%] [2/3] [all] [group=N] السؤال [| خيار | خيار…] · { $command } extend N DD/MM/YYYY HH:MM · { $command } close N · { $command } show N (افتراضيًا: مع، ضد، امتناع؛ نصاب 50٪؛ أغلبية بسيطة؛ تصويت علني؛ من 2 إلى 10 خيارات خاصة، ويُضاف الامتناع دائمًا)
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
statement-sign = ✍️ التوقيع باسم جمعيتي
statement-sign-for = ✍️ التوقيع باسم { $association }
statement-which-association = باسم أي جمعية توقّع؟
statement-signed = ✍️ وقّعت { $association } «{ $title }» (النسخة { $version }).
statement-already-signed = سبق أن وقّعت { $association } هذه النسخة: لم يتغير شيء.
statement-stale = تغيّر النص منذ ذلك الحين: اقرأ النسخة الجديدة بـ{ $statements } ووقّعها. لم يتغير شيء.
statement-closed = هذا البيان مغلق: لم يتغير شيء.
statement-not-allowed = لا يوقّع باسم الجمعية إلا مسؤولوها ومندوبوها. لم يتغير شيء.
statement-changed = ✏️ تغيّر نص «{ $title }» (النسخة { $version }): أُلغي التوقيع المعطى للنسخة السابقة. اقرأه ووقّعه من جديد.
statement-closed-final = النص النهائي والموقّعون: { $link }
statements-none = لا يوجد بيان مفتوح للتوقيع.

delegate-title = المندوبون الذين يصوّتون باسم جمعيتك
delegate-current = { $association }: { PLURAL($count) ->
        [zero] لم يُعيَّن أي مندوب، ويصوّت مسؤولوها.
       *[other] { $delegates }.
    }
delegate-add = ➕ { $name } ({ $association })
delegate-remove = ➖ { $name } ({ $association })
delegate-named = عُيِّن المندوب.
delegate-removed = لم يعد مندوبًا.
delegate-not-member = لم يعد هذا الشخص عضوًا في الجمعية: لم يتغير شيء.

propose-title = ما عنوان الحملة المقترحة؟ (سطر واحد)
propose-title-invalid = عنوان من سطر واحد، { $max } حرفًا على الأكثر. اكتبه من جديد.
propose-text = الموقف المدافَع عنه، بالفرنسية (يمكن لمنسّق أن يضيف العربية والدارجة):
propose-text-invalid = هذا النص فارغ أو طويل جدًا. اكتبه من جديد.
propose-done = اقتُرحت الحملة رقم { $id }. سيفتحها منسّق؛ ويعرضها { $campaigns }.
campaigns-title = الحملات
campaigns-line = رقم { $id } { $title } ({ $status ->
        [proposed] مقترحة
       *[open] مفتوحة
    })
campaigns-none = لا توجد حملات حاليًا.
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
cli-vote-opened = فُتح التصويت رقم { $id } لـ{ $total } { PLURAL($total) ->
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
cli-statement-unchanged = البيان رقم { $id }: النص نفسه، لم يتغير شيء (النسخة { $version }).
cli-statement-closed = أُغلق البيان رقم { $id }: نُشر النص النهائي.
cli-statement-already-closed = كان البيان رقم { $id } مغلقًا من قبل.
cli-delegate-needs-association = المندوب مندوب جمعية: أضف --association.
cli-delegate-not-member = الشخص رقم { $person } ليس عضوًا في هذه الجمعية.
cli-delegate-named = أصبح الشخص رقم { $person } يصوّت باسم الجمعية رقم { $association }.
cli-delegate-removed = لم يعد الشخص رقم { $person } يصوّت باسم الجمعية رقم { $association }.
cli-delegate-unchanged = لم يتغير شيء.

help-newstatement = كتابة بيان مشترك للتوقيع
help-votelog = من غيّر تصويت جمعيتك، ومتى، ومن أين
help-argument-number = N
statement-write-title = ما عنوان البيان؟ (سطر واحد)
statement-write-text = نصه، بالفرنسية (يمكن لمنسّق أن يضيف العربية والدارجة):
statement-write-deadline = إلى متى التوقيع؟ اكتب تاريخًا وساعة (07/02/2027 18:00)، أو «-» بلا أجل.
statement-written = كُتب البيان رقم { $id }: يوقّعه المسؤولون والمندوبون بـ{ $statements }.
votelog-usage = الاستعمال: { $command } N (رقم التصويت)
votelog-title = سجل التصويت «{ $question }»
votelog-line = { $at } · { $association } · { $person } ({ $channel }){ $secret ->
        [yes] {""}
       *[no] { " " }: { $option }
    }
votelog-empty = لا يوجد أي تصويت مسجل حتى الآن.
vote-reply-with-number = أيها المندوبون: ردّوا على هذه الرسالة برقم اختياركم.
cli-vote-secret-counts = التصويت السري لا يعرض عدد الأصوات قبل الإغلاق: فذلك يكشف اختيار كل جمعية (احذف --show-results).
cli-campaign-edited = عُدّلت الحملة رقم { $id }.
