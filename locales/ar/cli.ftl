# تطوير — ما يطبعه سطر الأوامر للمنسّقين والمديرين (العربية الفصحى).

cli-migrated = قاعدة البيانات محدَّثة: { $database }
cli-association-created = أُنشئت الجمعية رقم { $id }: { $name } ({ $city })
cli-volunteer-code = رمز الدعوة للمتطوعين: { $code }
cli-manager-code = رمز الدعوة للمسؤولين: { $code }
cli-join-hint = يرسل كل شخص إلى البوت /start متبوعًا بالرمز الخاص به.
cli-no-associations = لا توجد أي جمعية حاليًا. أضف جمعية بالأمر: tatwir association add --name الاسم --city المدينة
cli-no-people = لا يوجد أي شخص حاليًا.
cli-no-invites = لا توجد رموز دعوة.

cli-col-id = الرقم
cli-col-name = الاسم
cli-col-city = المدينة
cli-col-members = الأعضاء
cli-col-volunteers = المتطوعون
cli-col-managers = المسؤولون
cli-col-language = اللغة
cli-col-identities = الهويات
cli-col-roles = الأدوار
cli-col-code = الرمز
cli-col-association = الجمعية
cli-col-role = الدور
cli-col-expires = ينتهي في
cli-col-status = الحالة
cli-col-uses = مرات الاستعمال

cli-status-active = نشط
cli-status-expired = منتهي الصلاحية
cli-status-revoked = ملغى
cli-never = أبدًا

cli-role-granted = أصبح للشخص رقم { $person } دور { $role }.
cli-role-unchanged = كان للشخص رقم { $person } دور { $role } من قبل: لم يتغيّر شيء.
cli-role-revoked = لم يعد للشخص رقم { $person } دور { $role }.
cli-role-not-held = لم يكن للشخص رقم { $person } دور { $role }: لم يتغيّر شيء.
cli-invite-created = أُنشئ رمز الدعوة { $code } للجمعية رقم { $association } (الدور: { $role }).
cli-invite-revoked = أُلغي الرمز { $code }: لم يعد يسمح بالانضمام إلى الجمعية.
cli-invite-not-live = الرمز { $code } غير موجود أو أُلغي من قبل.

cli-error-unknown-person = لم يُعثر على الشخص: { $person }. يعرض الأمر «tatwir person list» الأرقام.
cli-error-unknown-association = لم يُعثر على الجمعية رقم { $association }. يعرض الأمر «tatwir association list» الأرقام.
cli-error-association-needed = دور { $role } يكون داخل جمعية: أضف --association ورقمها.
cli-error-platform-role = دور { $role } يشمل المنصة كلها: احذف --association.
cli-error-name-empty = اسم الجمعية فارغ.
cli-error-name-too-long = يتجاوز اسم الجمعية { $max } حرفًا.
cli-error-city-empty = اسم المدينة فارغ.
cli-error-city-too-long = يتجاوز اسم المدينة { $max } حرفًا.
cli-error-invalid-code = هذا ليس رمز دعوة: { $code }
