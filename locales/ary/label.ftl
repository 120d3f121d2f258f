# علامة الجودة ديال الجمعيات (المسألة 13).

help-label = علامة الجودة ديال الجمعية ديالك: شنو تدار، شنو ناقص، والميثاق الأخلاقي

label-none = حتى علامة ديال الجودة ما محددة دابا.
label-which = لاش من جمعية؟ ختارها، ولا صيفط { $command } ومن موراه الرقم ديالها.
label-association-choice = { $id } · { $association }
label-not-yours = ما تقدرش تشوف غير العلامة ديال الجمعيات اللي نتا مسؤول فيها (رقم { $id }).
label-unknown-association = ما كاينة حتى جمعية بالرقم { $id }.

label-title = 🏅 علامة الجودة ديال تطوير — { $association }
label-status-none = مازال ما كاينة علامة.
label-status-granted = العلامة متعطية من { $since }، وصالحة حتى ل { $until }.
label-status-expired = المدة ديال العلامة سالات ف { $at }: غادي تتمدد ف التقييم اليومي الجاي إلا كانو كاع المعايير مكمّلين.
label-status-lost = العلامة مشات ف { $at }: واحد من المعايير ما بقاش مكمّل.

label-criterion-managers-certified = { PLURAL($needed) ->
        [zero] ما مطلوب حتى مسؤول عندو
        [one] على الأقل مسؤول واحد عندو
        [two] على الأقل جوج مسؤولين عندهم
        [few] على الأقل { $needed } ديال المسؤولين عندهم
        [many] على الأقل { $needed } مسؤول عندهم
       *[other] على الأقل { $needed } مسؤول عندهم
    } الشهادة ديال «{ $track }»: { $actual }
label-criterion-active-volunteers-certified = على الأقل { $percent }٪ من المتطوعين النشيطين ف آخر { $months } شهر عندهم الشهادة ديال «{ $track }»: { $actual } من { $active } (خاص { $needed })
label-criterion-members-certified = { PLURAL($needed) ->
        [zero] ما مطلوب حتى عضو عندو
        [one] على الأقل عضو واحد عندو
        [two] على الأقل جوج أعضاء عندهم
        [few] على الأقل { $needed } ديال الأعضاء عندهم
        [many] على الأقل { $needed } عضو عندهم
       *[other] على الأقل { $needed } عضو عندهم
    } الشهادة ديال «{ $track }»: { $actual }
label-criterion-charter-adopted = الميثاق الأخلاقي { $adopted ->
        [yes] اعتمدو { $by } ف { $date }
       *[no] مازال ما تعتمدش
    }
label-criterion-charter-adopted-on = الميثاق الأخلاقي تعتمد ف { $date }
label-criterion-meetings-attended = { PLURAL($needed) ->
        [zero] ما مطلوب حتى اجتماع
        [one] على الأقل اجتماع واحد
        [two] على الأقل جوج اجتماعات
        [few] على الأقل { $needed } ديال الاجتماعات
        [many] على الأقل { $needed } اجتماع
       *[other] على الأقل { $needed } اجتماع
    } بين الجمعيات ف آخر { $months } شهر: { $actual }
label-criterion-other = { $id }: { $actual } من { $needed }

label-summary-missing = { PLURAL($count) ->
        [zero] كاع المعايير مكمّلين.
        [one] معيار واحد ما مكمّلش.
        [two] جوج معايير ما مكمّلينش.
        [few] { $count } ديال المعايير ما مكمّلينش.
        [many] { $count } معيار ما مكمّلينش.
       *[other] { $count } معيار ما مكمّلينش.
    }
label-summary-ready = كاع المعايير مكمّلين: العلامة غادي تتعطى ف التقييم اليومي الجاي.

label-charter-read-adopt = 📜 قرا الميثاق واعتمدو
label-charter-read = 📜 قرا الميثاق
label-charter-adopted-by = تعتمد باسم { $association }، اعتمدو { $by } ف { $date }.
label-charter-confirm = إلا ختاريتي «كنعتمد الميثاق» اللي لتحت، كتعتمد هاد الميثاق باسم { $association }؛ والسمية ديالك والتاريخ كيتسجلو.
label-charter-adopt = ✅ كنعتمد الميثاق باسم { $association }
label-charter-not-adopted = { $association } مازال ما اعتمدات هاد الميثاق: واحد من المسؤولين ديالها يقدر يديرها.
label-back = ↩ رجع للعلامة
label-charter-not-manager = غير المسؤولين ديال { $association } اللي يقدرو يعتمدو الميثاق ديالها، ونتا ماشي منهم (ولا ما بقيتيش منهم).
label-charter-changed = الميثاق تبدل من بعد ما حليتيه: عاود قراه قبل ما تعتمدو.
label-charter-adopted = ✅ الميثاق تعتمد باسم { $association }، اعتمدو { $by } ف { $date }.
label-charter-already-adopted = هاد الميثاق ديجا معتمد باسم { $association }، اعتمدو { $by } ف { $date }.

label-lost-warning = ⚠️ { $association } ضيعات علامة الجودة ديال تطوير: هاد المعايير ما بقاوش مكمّلين.
label-lost-footer = صيفط { $command } باش تشوف اللائحة كاملة وشنو باقي خاصو يتدار.

web-label-none-title = ما كايناش العلامة
web-label-none = هاد الجمعية ما عندهاش علامة الجودة ديال تطوير.
web-label-expired = العلامة سالات ف { $at }.
web-label-lost = العلامة تحيدات ف { $at }: واحد من المعايير ما بقاش.
web-label-criteria = المعايير اللي كاينين
web-label-achievement-name = علامة الجودة تطوير
web-label-achievement-description = جمعية المسؤولين والمتطوعين ديالها مكوّنين وعندهم شواهد، اعتمدات الميثاق الأخلاقي ديال تطوير وكتعاون مع جمعيات خرين.
web-label-achievement-criteria = تكون كاع المعايير ديال العلامة: مسؤولين عندهم الشهادة، جزء من المتطوعين النشيطين عندهم الشهادة، شهادة ديال الإسعافات الأولية على الأقل، الميثاق الأخلاقي معتمد، اجتماعات بين الجمعيات ف الاتناش شهر اللي فاتو. كتقيّم كل نهار وصالحة اتناش شهر.
