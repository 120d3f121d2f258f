# Joint statements once closed: the final text with its signatories, as a web page, Markdown and a
# printable PDF, at a public link.

statement-number = البيان رقم { $id } · النسخة { $version }
statement-closed-on = تسدّ نهار { $date }
statement-signatories = { PLURAL($count) ->
        [zero] حتى جمعية ما سنيات
        [one] جمعية وحدة سنيات
        [two] جوج جمعيات سنياو
        [few] { $count } جمعيات سنياو
       *[other] { $count } جمعية سنيات
    }
statement-column-association = الجمعية
statement-column-city = المدينة
statement-column-signer = سنيا باسمها
statement-column-date = التاريخ
statement-footer = النص الأخير كيف تسنيا · Tatwir
statement-download-pdf = حمّل PDF
statement-download-markdown = النص ب Markdown
statement-unknown-title = البيان ما كاينش
statement-unknown = ما كاين حتى بيان منشور بهاد الرقم: النص الأخير كيتنشر غير ملي كيتسدّ البيان.
