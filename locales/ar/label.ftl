# علامة الجودة للجمعيات (المسألة 13).

help-label = علامة الجودة لجمعيتك: ما أُنجز وما ينقص، والميثاق الأخلاقي

label-none = لم تُحدَّد أي علامة جودة حتى الآن.
label-which = لأي جمعية؟ اخترها، أو أرسل { $command } متبوعًا برقمها.
label-association-choice = { $id } · { $association }
label-not-yours = لا يمكنك الاطلاع إلا على علامة الجمعيات التي أنت مسؤول فيها (رقم { $id }).
label-unknown-association = لا توجد جمعية تحمل الرقم { $id }.

label-title = 🏅 علامة الجودة من تطوير — { $association }
label-status-none = لا علامة بعد.
label-status-granted = العلامة ممنوحة منذ { $since }، وصالحة حتى { $until }.
label-status-expired = انتهت مدة العلامة في { $at }: ستُمدَّد في التقييم اليومي القادم إذا استوفيت كل المعايير.
label-status-lost = فُقدت العلامة في { $at }: لم يعد أحد المعايير مستوفى.

label-criterion-managers-certified = { PLURAL($needed) ->
        [zero] لا يُطلب أي مسؤول يحمل
        [one] مسؤول واحد على الأقل يحمل
        [two] مسؤولان على الأقل يحملان
        [few] { $needed } مسؤولين على الأقل يحملون
        [many] { $needed } مسؤولًا على الأقل يحملون
       *[other] { $needed } مسؤول على الأقل يحملون
    } شهادة «{ $track }»: { $actual }
label-criterion-active-volunteers-certified = { $percent }٪ على الأقل من المتطوعين النشيطين خلال آخر { $months } شهرًا يحملون شهادة «{ $track }»: { $actual } من { $active } (المطلوب { $needed })
label-criterion-members-certified = { PLURAL($needed) ->
        [zero] لا يُطلب أي عضو يحمل
        [one] عضو واحد على الأقل يحمل
        [two] عضوان على الأقل يحملان
        [few] { $needed } أعضاء على الأقل يحملون
        [many] { $needed } عضوًا على الأقل يحملون
       *[other] { $needed } عضو على الأقل يحملون
    } شهادة «{ $track }»: { $actual }
label-criterion-charter-adopted = الميثاق الأخلاقي { $adopted ->
        [yes] اعتمده { $by } في { $date }
       *[no] لم يُعتمد بعد
    }
label-criterion-charter-adopted-on = الميثاق الأخلاقي معتمد منذ { $date }
label-criterion-meetings-attended = { PLURAL($needed) ->
        [zero] لا يُطلب أي اجتماع
        [one] اجتماع واحد على الأقل
        [two] اجتماعان على الأقل
        [few] { $needed } اجتماعات على الأقل
        [many] { $needed } اجتماعًا على الأقل
       *[other] { $needed } اجتماع على الأقل
    } بين الجمعيات خلال آخر { $months } شهرًا: { $actual }
label-criterion-other = { $id }: { $actual } من { $needed }

label-summary-missing = { PLURAL($count) ->
        [zero] كل المعايير مستوفاة.
        [one] معيار واحد غير مستوفى.
        [two] معياران غير مستوفيين.
        [few] { $count } معايير غير مستوفاة.
        [many] { $count } معيارًا غير مستوفى.
       *[other] { $count } معيار غير مستوفى.
    }
label-summary-ready = كل المعايير مستوفاة: ستُمنح العلامة في التقييم اليومي القادم.

label-charter-read-adopt = 📜 قراءة الميثاق واعتماده
label-charter-read = 📜 قراءة الميثاق
label-charter-adopted-by = اعتمده باسم { $association } { $by } في { $date }.
label-charter-confirm = باختيار «أعتمد الميثاق» أدناه، تعتمد هذا الميثاق باسم { $association }؛ ويُسجَّل اسمك والتاريخ.
label-charter-adopt = ✅ أعتمد الميثاق باسم { $association }
label-charter-not-adopted = لم تعتمد { $association } هذا الميثاق بعد: يمكن لأحد مسؤوليها القيام بذلك.
label-back = ↩ العودة إلى العلامة
label-charter-not-manager = لا يعتمد ميثاق { $association } إلا مسؤولوها، ولست منهم (أو لم تعد منهم).
label-charter-changed = تغيّر الميثاق منذ أن فتحته: أعد قراءته قبل اعتماده.
label-charter-adopted = ✅ اعتُمد الميثاق باسم { $association }، اعتمده { $by } في { $date }.
label-charter-already-adopted = هذا الميثاق معتمد من قبل باسم { $association }، اعتمده { $by } في { $date }.

label-lost-warning = ⚠️ فقدت { $association } علامة الجودة من تطوير: لم تعد هذه المعايير مستوفاة.
label-lost-footer = أرسل { $command } لترى القائمة كاملة وما بقي فعله.

web-label-none-title = لا علامة
web-label-none = هذه الجمعية لا تحمل علامة الجودة من تطوير.
web-label-expired = انتهت العلامة في { $at }.
web-label-lost = سُحبت العلامة في { $at }: لم يعد أحد المعايير مستوفى.
web-label-criteria = المعايير المستوفاة
web-label-achievement-name = علامة الجودة تطوير
web-label-achievement-description = جمعية مسؤولوها ومتطوعوها مكوَّنون وحاصلون على شهادات، اعتمدت الميثاق الأخلاقي لتطوير وتتعاون مع جمعيات أخرى.
web-label-achievement-criteria = استيفاء جميع معايير العلامة: مسؤولون حاصلون على الشهادة، نسبة من المتطوعين النشطين حاصلة على الشهادة، شهادة إسعافات أولية واحدة على الأقل، ميثاق أخلاقي معتمد، اجتماعات بين الجمعيات خلال الاثني عشر شهرًا الأخيرة. تُقيَّم يوميًا وتصلح اثني عشر شهرًا.
