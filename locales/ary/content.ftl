# Tatwir — the warnings of « tatwir content check » (Darija). "warning:" stays in English, as
# compilers print it, so that editors and scripts find it.

content-warning = { $file }:{ $line }: warning: { $message }
content-warning-answer-pattern = { $same } من { $total } ديال الأسئلة اللي فيها أكثر من جواب عندهم نفس النمط: { $correct } من { $options } (الأجوبة الصحيحة من الخيارات). اللي عاق بهاد النمط كيجاوب بلا ما يقرا: بدّلو عدد الأجوبة الصحيحة.
content-warning-latin-in-darija = حروف لاتينية فنص بالدارجة ({ $kind ->
    [title] عنوان
    [summary] ملخص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق ديال الأخلاقيات
   *[reference] مرجع المصدر
}): «{ $word }». الدارجة فالباك كتكتب بالحروف العربية.
content-warning-peh-in-darija = حرف پ فنص بالدارجة ({ $kind ->
    [title] عنوان
    [summary] ملخص
    [part] جزء من درس
    [caption] تعليق
    [question] سؤال
    [option] خيار
    [explanation] شرح
    [charter] الميثاق ديال الأخلاقيات
   *[reference] مرجع المصدر
}): فالمغرب كنكتبو ب.
