# Joint statements once closed: the final text with its signatories, as a web page, Markdown and a
# printable PDF, at a public link.

statement-number = Déclaration n° { $id } · version { $version }
statement-closed-on = Close le { $date }
statement-signatories = { $count ->
        [0] Aucune association n'a signé
        [one] Association signataire (1)
       *[other] Associations signataires ({ $count })
    }
statement-column-association = Association
statement-column-city = Ville
statement-column-signer = Signée par
statement-column-date = Date
statement-footer = Texte final, tel que signé · Tatwir
statement-download-pdf = Télécharger le PDF
statement-download-markdown = Texte en Markdown
statement-unknown-title = Déclaration introuvable
statement-unknown = Aucune déclaration publiée ne porte ce numéro : seule une déclaration close a un texte final public.
