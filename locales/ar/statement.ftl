# Joint statements once closed: the final text with its signatories, as a web page, Markdown and a
# printable PDF, at a public link.

statement-number = البيان رقم { $id } · الصيغة { $version }
statement-closed-on = أُغلق في { $date }
statement-signatories = { PLURAL($count) ->
        [zero] لم توقّع أي جمعية
        [one] جمعية موقّعة واحدة
        [two] جمعيتان موقّعتان
        [few] { $count } جمعيات موقّعة
       *[other] { $count } جمعية موقّعة
    }
statement-column-association = الجمعية
statement-column-city = المدينة
statement-column-signer = وقّع باسمها
statement-column-date = التاريخ
statement-footer = النص النهائي كما وُقّع · Tatwir
statement-download-pdf = تنزيل ملف PDF
statement-download-markdown = النص بصيغة Markdown
statement-unknown-title = البيان غير موجود
statement-unknown = لا يوجد بيان منشور بهذا الرقم: النص النهائي لا يُنشر إلا بعد إغلاق البيان.
