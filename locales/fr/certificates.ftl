# Certificates (issue 13): issued in the chat, listed by /certificates, verified by /verify and
# on the public page, drawn on the certificate's picture.

help-certificates = vos certificats, les parcours en cours et leur renouvellement
help-verify = vérifier un certificat par son code

# A date written out in full: { $day } { $month } { $year } are numbers.
date-long = { $day } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }

certificate-earned = 🎓 Félicitations { $name } ! Vous avez obtenu le certificat « { $track } ».
certificate-name-ask = Quel nom imprimer sur vos certificats ? { $has_suggestion ->
        [yes] Choisissez « { $suggested } » ou écrivez votre nom complet
       *[no] Écrivez votre nom complet
    } (une ligne, au plus { $max } caractères). Il restera sur les certificats délivrés.
certificate-name-use = ✅ { $name }
certificate-name-invalid = Ce nom ne convient pas : une seule ligne, au plus { $max } caractères, avec au moins une lettre. Écrivez-le à nouveau.
certificate-name-set = C'est noté : « { $name } » sera imprimé sur vos certificats.
certificate-name-pending = (nom à confirmer)
certificate-caption = 🎓 { $track } — { $name }
    { $state }
    Code : { $code }
    Vérifier : { $url }

# $state: valid, valid_forever, expiring_soon, expired, revoked; $until and $revoked are dates.
certificate-state = { $state ->
        [valid] valable jusqu'au { $until }
        [valid_forever] valable sans limite de durée
        [expiring_soon] expire bientôt, le { $until }
        [expired] expiré depuis le { $until }
       *[revoked] révoqué le { $revoked }
    }

certificate-email-hint = Pour ajouter vos certificats à un sac à badges (Open Badges), envoyez { $certificates } suivi de votre adresse e-mail : seule son empreinte est gardée.
certificate-email-set = C'est noté : vos certificats désignent désormais cette adresse e-mail (seule son empreinte chiffrée est gardée).
certificate-email-invalid = Cette adresse e-mail ne semble pas valide. Exemple : { $certificates } nom@exemple.org
certificate-expiring = ⏳ Votre certificat « { $track } » arrive à son terme : { $state }. Un court quiz de renouvellement le prolonge, avec le même code.
certificate-issued-by-hand = 🎓 Un certificat « { $track } » vous a été délivré pour une formation suivie en présentiel.
certificate-issued-name-needed = 🎓 Un certificat « { $track } » vous a été délivré. Envoyez { $certificates } pour confirmer le nom à y imprimer et le recevoir.
certificate-list-title = 🎓 Vos certificats
certificate-list-empty = Vous n'avez pas encore de certificat : terminez un parcours pour en obtenir un.
certificate-line = • { $track } : { $state } — code { $code }
certificate-send-choice = 🖼 { $track }
certificate-progress-title = Parcours en cours
certificate-progress-line = • { $track } : { $done } { $done ->
        [one] leçon réussie
       *[other] leçons réussies
    } sur { $total }
certificate-progress-choice = 📋 Ce qui reste : { $track }
certificate-association-title = Certificats de { $association } ({ $count })
certificate-association-line = • { $name } — { $track } : { $state }

certificate-left-title = Pour « { $track } », il reste :
certificate-left-lesson = • { $lesson } ({ $toolbox }) : { $best ->
        [-1] quiz pas encore fait
       *[other] meilleur score { $best } %
    }, il faut { $min } %
certificate-left-meetings = • Réunions entre associations : { $attended } sur { $needed }
certificate-left-role = • Ce certificat est réservé aux responsables d'association.
certificate-left-nothing = Tout est fait : le certificat sera délivré après votre prochain quiz.

certificate-refresher-choice = 🔁 Renouveler : { $track }
certificate-refresher-start = 🔁 Renouvellement de « { $track } » : { $count } { $count ->
        [one] question
       *[other] questions
    }, une par leçon. Il faut { $min } % de bonnes réponses.
certificate-refresher-not-now = Ce certificat ne peut pas encore être renouvelé : c'est possible à partir de 30 jours avant sa fin.
certificate-refresher-failed = { $right } sur { $total } : pas assez pour renouveler « { $track } » (il faut { $min } %). Relisez les leçons et réessayez.
certificate-renewed = ✅ « { $track } » est renouvelé jusqu'au { $until }, avec le même code.

verify-usage = Envoyez { $verify } suivi du code du certificat, par exemple : { $verify } 7KQ2-M4XD-9PRT-B3WZ
verify-unknown = Aucun certificat ne porte ce code. Vérifiez les 16 caractères et réessayez avec { $verify }.
verify-too-many-tries = Trop de codes erronés. Réessayez dans { $minutes } min.
verify-result = { $ok ->
        [yes] ✅
       *[no] ⚠️
    } Certificat « { $track } » délivré à { $name } le { $issued } : { $state }.
    Code : { $code } — { $url }
verify-revoked-reason = Motif de la révocation : { $reason }

# The certificate's picture.
certificate-card-heading = Certificat
certificate-card-statement = a réussi le parcours
certificate-card-issued = Délivré le { $date }
certificate-card-valid-until = Valable jusqu'au { $date }
certificate-card-code = Code : { $code }
certificate-card-qr = Vérifier ce certificat

# The public verification page.
web-languages = Langues
web-verify-title = Vérification d'un certificat
web-verify-valid = Certificat valable
web-verify-not-valid = Ce certificat n'est plus valable
web-verify-holder = Titulaire
web-verify-track = Certificat
web-verify-what = Ce qu'il atteste
web-verify-issued = Délivré le
web-verify-renewed = Renouvelé le
web-verify-until = Valable jusqu'au
web-verify-revoked = Révoqué le
web-verify-reason = Motif
web-verify-issuer = Délivré par
web-verify-code = Code
web-verify-pdf = Version PDF à imprimer
web-verify-ob3 = Open Badges 3.0 (justificatif vérifiable signé)
web-verify-ob2 = Open Badges 2.0 (pour les sacs à badges)
web-verify-unknown-title = Certificat introuvable
web-verify-unknown = Aucun certificat ne porte ce code. Vérifiez les 16 caractères, par exemple 7KQ2-M4XD-9PRT-B3WZ.
web-verify-too-many = Trop de codes erronés depuis votre adresse. Réessayez dans { $minutes } min.
# The criteria of a track, as Open Badges documents publish them (in French).
web-badge-criteria = Réussir le quiz de chacune de ces leçons avec au moins { $min } % de bonnes réponses : { $lessons }.{ $meetings ->
        [0] {""}
       *[other] {" "}Avoir participé à au moins { $meetings } réunion(s) entre associations.
    }{ $months ->
        [0] {""}
       *[other] {" "}Valable { $months } mois, renouvelable par un quiz de rafraîchissement.
    }
