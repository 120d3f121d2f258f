# Tatwir — the warnings of « tatwir content check » (Modern Standard Arabic). "warning:" stays in
# English, as compilers print it, so that editors and scripts find it.

content-warning = { $file }:{ $line }: warning: { $message }
content-warning-answer-pattern = { $same } من أصل { $total } من الأسئلة ذات الأجوبة المتعددة لها النمط نفسه: { $correct } من { $options } (الأجوبة الصحيحة من الخيارات). من يلاحظ هذا النمط يجيب دون أن يقرأ: نوّعوا عدد الأجوبة الصحيحة.
content-warning-latin-in-darija = حروف لاتينية في نص بالدارجة ({ $kind ->
    [title] عنوان
    [summary] ملخّص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق الأخلاقي
   *[reference] مرجع المصدر
}): «{ $word }». الدارجة في الحزمة تُكتب بالحروف العربية.
content-warning-peh-in-darija = حرف پ في نص بالدارجة ({ $kind ->
    [title] عنوان
    [summary] ملخّص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق الأخلاقي
   *[reference] مرجع المصدر
}): في المغرب نكتب ب.
