# تطوير — رسائل محرّك المحادثة (العربية الفصحى).
# تحمل المتغيرات $help و$start أمرًا كما يُكتب في قناة الشخص (/help أو !help).
# اختيار صيغة الجمع يكون دائمًا عبر PLURAL($n) (انظر core/src/locale.rs).

## الأخطاء والمدخلات غير الصالحة

error-technical = عذرًا، مشكلة تقنية تمنعني من الرد. لم تُغيّر رسالتك شيئًا؛ أعد المحاولة بعد قليل.
choice-expired = هذا الاختيار لم يعد صالحًا. استخدم آخر الأزرار التي أرسلتها إليك، أو أعد كتابة الأمر.
input-too-long = هذه الرسالة أطول مما أستطيع قراءته (أكثر من { $max } { PLURAL($max) ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
}). أرسل رسالة أقصر.
input-empty = لم يصلني أي نص. أرسل { $help } لترى ما يمكنك فعله.
free-text = { $member ->
    [yes] لا أفهم إلا الأوامر. أرسل { $help } لترى ما يمكنك فعله.
   *[no] لا أفهم إلا الأوامر. للانضمام إلى جمعيتك، أرسل { $start } متبوعًا بالرمز الذي أعطتك إياه، ويعرض لك { $help } كل ما سوى ذلك.
}
command-unknown = لا أعرف الأمر { $command }. أرسل { $help } لترى قائمة الأوامر.
command-not-allowed = هذا الأمر غير متاح لدورك. أرسل { $help } لترى ما يمكنك فعله.

## اللغة

language-prompt = اختر لغتك:
language-self-name = العربية
language-set = حسنًا، سأكتب إليك بالعربية.

## الانضمام إلى جمعية

welcome-not-member = مرحبًا بك في تطوير يا { $name }! أرافقك لتتعلّم وتتكوّن وتتعاون مع الجمعيات الأخرى. للبدء، اطلب رمز دعوة من جمعيتك، ثم أرسل { $start } متبوعًا بهذا الرمز. أرسل { $help } لترى ما يمكنك فعله.
start-welcome-back = مرحبًا بعودتك إلى تطوير يا { $name }!
start-joined = مرحبًا بك يا { $name }! لقد انضممت إلى «{ $association }»، ودورك فيها: { $role }.
start-promoted = تمّ ذلك يا { $name }: دورك الآن في «{ $association }»: { $role }.
start-already-member = أنت عضو في «{ $association }» من قبل، ودورك فيها: { $role }. لم يتغيّر شيء.
invite-unknown = رمز الدعوة هذا غير موجود. تحقّق منه لدى جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.
invite-expired = انتهت صلاحية رمز الدعوة هذا. اطلب رمزًا جديدًا من جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.
invite-revoked = أُلغي رمز الدعوة هذا. اطلب رمزًا جديدًا من جمعيتك، ثم أرسل { $start } متبوعًا بالرمز.

## الأدوار

role-volunteer = متطوّع
role-manager = مسؤول
role-coordinator = منسّق
role-admin = مدير المنصة

## المساعدة

help-title = ما يمكنك فعله:
help-argument-code = الرمز
help-start = الانضمام إلى جمعية برمز الدعوة
help-profile = عرض ملفك الشخصي وجمعياتك
help-language = تغيير اللغة
help-help = عرض هذه المساعدة
help-line = { $command } — { $description }
help-footer-member = يمكنك الانضمام إلى جمعية أخرى بالأمر { $start } ورمزها.
help-footer-not-member = ليس لديك رمز بعد؟ اطلبه من جمعيتك.

## الملف الشخصي

profile-title = الملف الشخصي: { $name }
profile-language = اللغة: { $language }
profile-associations = { PLURAL($count) ->
    [zero] لست عضوًا في أي جمعية.
    [one] أنت عضو في جمعية واحدة:
    [two] أنت عضو في جمعيتين:
    [few] أنت عضو في { $count } جمعيات:
    [many] أنت عضو في { $count } جمعيةً:
   *[other] أنت عضو في { $count } جمعية:
}
profile-membership = { $association } ({ $city }): { $role }
profile-platform-role = دورك في المنصة: { $role }
