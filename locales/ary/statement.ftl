# Joint statements once closed: the final text with its signatories, as a web page, Markdown and a
# printable PDF, at a public link.

statement-number = البيان رقم { $id } · النسخة { $version }
statement-closed-on = تسدّ نهار { $date }
statement-signatories = { PLURAL($count) ->
        [zero] حتى جمعية ما سنيات
        [one] الجمعية اللي سنيات (1)
        [two] الجمعيات اللي سنياو ({ $count })
        [few] الجمعيات اللي سنياو ({ $count })
        [many] الجمعيات اللي سنياو ({ $count })
       *[other] الجمعيات اللي سنياو ({ $count })
    }
statement-column-association = الجمعية
statement-column-city = المدينة
statement-column-signer = اللي سنيا باسمها
statement-column-date = التاريخ
statement-footer = النص النهائي، كيفما تسنيا · Tatwir
statement-download-pdf = حمّل ملف PDF
statement-download-markdown = النص ب Markdown
statement-unknown-title = البيان ما كاينش
statement-unknown = ما كاين حتى بيان منشور بهاد الرقم: غير البيان اللي تسدّ اللي عندو نص نهائي منشور.
