# تطوير — شنو كيطبع سطر الأوامر للمنسقين والمديرين (الدارجة).

cli-migrated = قاعدة البيانات محيّنة: { $database }
cli-association-created = تزادت الجمعية رقم { $id }: { $name } ({ $city })
cli-volunteer-code = الكود ديال الدعوة للمتطوعين: { $code }
cli-manager-code = الكود ديال الدعوة للمسؤولين: { $code }
cli-join-hint = كل واحد يصيفط للبوت /start ومن موراه الكود ديالو.
cli-no-associations = حتى جمعية ما كاينة دابا. زيد وحدة ب: tatwir association add --name السمية --city المدينة
cli-no-people = حتى واحد ما كاين دابا.
cli-no-invites = حتى كود ديال الدعوة ما كاين.

cli-col-id = الرقم
cli-col-name = السمية
cli-col-city = المدينة
cli-col-members = الأعضاء
cli-col-volunteers = المتطوعين
cli-col-managers = المسؤولين
cli-col-language = اللغة
cli-col-identities = الحسابات
cli-col-roles = الأدوار
cli-col-code = الكود
cli-col-association = الجمعية
cli-col-role = الدور
cli-col-expires = كيسالا
cli-col-status = الحالة
cli-col-uses = شحال من مرة تخدم

cli-status-active = خدام
cli-status-expired = سالا
cli-status-revoked = متوقف
cli-never = عمرو

cli-role-granted = الشخص رقم { $person } ولا عندو الدور ديال { $role }.
cli-role-unchanged = الشخص رقم { $person } كان ديجا عندو الدور ديال { $role }: ما تبدّل والو.
cli-role-revoked = الشخص رقم { $person } ما بقاش عندو الدور ديال { $role }.
cli-role-not-held = الشخص رقم { $person } ما كانش عندو الدور ديال { $role }: ما تبدّل والو.
cli-invite-created = تصاوب الكود ديال الدعوة { $code } للجمعية رقم { $association } (الدور: { $role }).
cli-invite-revoked = الكود { $code } توقّف: ما بقاش كيدخّل للجمعية.
cli-invite-not-live = الكود { $code } ما كاينش ولا كان ديجا متوقف.

cli-error-unknown-person = ما لقيناش الشخص: { $person }. الأمر «tatwir person list» كيعطيك الأرقام.
cli-error-unknown-association = ما لقيناش الجمعية رقم { $association }. الأمر «tatwir association list» كيعطيك الأرقام.
cli-error-association-needed = الدور ديال { $role } كيكون وسط جمعية: زيد --association والرقم ديالها.
cli-error-platform-role = الدور ديال { $role } كيشمل المنصة كاملة: حيّد --association.
cli-error-name-empty = السمية ديال الجمعية خاوية.
cli-error-name-too-long = السمية ديال الجمعية فايتة { $max } حرف.
cli-error-city-empty = المدينة خاوية.
cli-error-city-too-long = المدينة فايتة { $max } حرف.
cli-error-invalid-code = هادا ماشي كود ديال الدعوة: { $code }
