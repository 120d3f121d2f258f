# Tatwir — what the command line prints for coordinators and administrators (French).

cli-migrated = Base de données à jour : { $database }
cli-association-created = Association n° { $id } créée : { $name } ({ $city })
cli-volunteer-code = Code d'invitation pour les bénévoles : { $code }
cli-manager-code = Code d'invitation pour les responsables : { $code } (pour une seule personne, valable 7 jours ; tatwir invite add --role manager en fait d'autres)
cli-join-hint = Chaque personne envoie au bot /start suivi du code qui lui revient.
cli-no-associations = Aucune association pour l'instant. Ajoutez-en une avec : tatwir association add --name NOM --city VILLE
cli-no-people = Personne pour l'instant.
cli-no-invites = Aucun code d'invitation.

cli-col-id = N°
cli-col-name = Nom
cli-col-city = Ville
cli-col-members = Membres
cli-col-volunteers = Bénévoles
cli-col-managers = Responsables
cli-col-language = Langue
cli-col-identities = Identités
cli-col-roles = Rôles
cli-col-code = Code
cli-col-association = Association
cli-col-role = Rôle
cli-col-expires = Expire
cli-col-status = État
cli-col-uses = Utilisations
cli-col-uses-left = Restantes

cli-status-active = actif
cli-status-expired = expiré
cli-status-revoked = désactivé
cli-status-used-up = épuisé
cli-never = jamais
cli-unlimited = sans limite

cli-role-granted = La personne n° { $person } a maintenant le rôle { $role }.
cli-role-unchanged = La personne n° { $person } avait déjà le rôle { $role } : rien n'a changé.
cli-role-revoked = La personne n° { $person } n'a plus le rôle { $role }.
cli-role-not-held = La personne n° { $person } n'avait pas le rôle { $role } : rien n'a changé.
cli-codes-rotated = { $count ->
    [0] Aucun code de responsable n'était actif.
    [one] Un code de responsable a été désactivé.
   *[other] { $count } codes de responsable ont été désactivés.
} Nouveau code de responsable : { $code } (pour une seule personne, valable jusqu'au { $expires }).
cli-error-rotate-codes = --rotate-codes va avec « role revoke » d'un responsable et --association : ce sont les codes de responsable de cette association qui sont remplacés.
cli-invite-created = Code d'invitation { $code } créé pour l'association n° { $association } (rôle : { $role }).
cli-invite-revoked = Le code { $code } est désactivé : il ne permet plus de rejoindre l'association.
cli-invite-not-live = Le code { $code } n'existe pas ou était déjà désactivé.

cli-error-unknown-person = Personne introuvable : { $person }. La commande « tatwir person list » donne les numéros.
cli-error-unknown-association = Association introuvable : n° { $association }. La commande « tatwir association list » donne les numéros.
cli-error-association-needed = Le rôle { $role } se tient dans une association : ajoutez --association N°.
cli-error-platform-role = Le rôle { $role } vaut pour toute la plateforme : retirez --association.
cli-error-name-empty = Le nom de l'association est vide.
cli-error-name-too-long = Le nom de l'association dépasse { $max } caractères.
cli-error-city-empty = La ville est vide.
cli-error-city-too-long = La ville dépasse { $max } caractères.
cli-error-invalid-code = Ce n'est pas un code d'invitation : { $code }

## tatwir content: vérifier, compter et importer les packs de boîtes à outils

content-problem = { $file }:{ $line }: { $message }
content-problem-no-line = { $file }: { $message }
content-check-ok = Pack valide : { $toolboxes ->
    [one] une boîte à outils
   *[other] { $toolboxes } boîtes à outils
}, { $lessons ->
    [one] une leçon
   *[other] { $lessons } leçons
}, { $questions ->
    [one] une question
   *[other] { $questions } questions
}.
content-check-failed = { $problems ->
    [one] Un problème dans le pack : corrigez-le
   *[other] { $problems } problèmes dans le pack : corrigez-les
} puis relancez « tatwir content check ».
content-import-refused = Rien n'a été importé. { $problems ->
    [one] Un problème dans le pack : corrigez-le
   *[other] { $problems } problèmes dans le pack : corrigez-les
} puis relancez « tatwir content import ».
content-import-unchanged = Déjà à jour : ce pack est celui qui est enseigné ({ $toolboxes ->
    [one] une boîte à outils
   *[other] { $toolboxes } boîtes à outils
}, { $lessons ->
    [one] une leçon
   *[other] { $lessons } leçons
}).
content-import-done = Pack importé : { $toolboxes ->
    [one] une boîte à outils
   *[other] { $toolboxes } boîtes à outils
}, { $lessons ->
    [one] une leçon
   *[other] { $lessons } leçons
} ; nouvelles : { $new }, modifiées : { $changed }, retirées : { $removed }. La progression des personnes est gardée.
content-stats-incomplete = Pack incomplet : { $problems ->
    [one] un problème
   *[other] { $problems } problèmes
}, que « tatwir content check » détaille.
content-stats-total = Total
content-audience-volunteer = bénévoles
content-audience-manager = responsables
content-audience-both = tous
content-col-toolbox = Boîte à outils
content-col-audience = Public
content-col-lessons = Leçons
content-col-questions = Questions
content-col-fr = fr (leçons/questions)
content-col-ar = ar (leçons/questions)
content-col-ary = ary (leçons/questions)

content-defect-no-toolboxes = Aucune boîte à outils ici : chaque boîte est un dossier qui contient un fichier toolbox.toml.
content-defect-missing-toolbox-file = Ce dossier n'a pas de fichier toolbox.toml : chaque dossier du pack est une boîte à outils.
content-defect-missing-language-file = Fichier de langue manquant : { $language }.toml est obligatoire (fr.toml, ar.toml et ary.toml).
content-defect-file-too-large = Fichier trop gros : { $max } octets au plus.
content-defect-unreadable = Impossible de lire ce fichier ou ce dossier.
content-defect-not-utf8 = Ce fichier n'est pas en UTF-8 : enregistrez-le en UTF-8.
content-defect-syntax = Erreur de syntaxe TOML (guillemets, crochets ou « = » manquants, clé répétée…).
content-defect-missing-field = Champ obligatoire manquant : { $field }.
content-defect-unknown-field = Champ inconnu : { $field } (faute de frappe ?).
content-defect-wrong-type = { $field } n'a pas le bon type (texte, nombre, liste ou table : voir content/README.md).
content-defect-unknown-audience = Public inconnu : « { $value } ». Valeurs possibles : volunteer, manager, both.
content-defect-unknown-question-kind = Type de question inconnu : « { $value } ». Valeurs possibles : single, multiple.
content-defect-unknown-media-kind = Type de média inconnu : « { $value } ». Valeurs possibles : image, video, document.
content-defect-bad-id = Identifiant invalide : « { $id } ». Seuls les caractères a-z, 0-9 et « - » sont permis.
content-defect-duplicate-toolbox = L'identifiant de boîte à outils « { $id } » est déjà pris par { $other }.
content-defect-duplicate-material = La source « { $id } » est déjà déclarée ligne { $line }.
content-defect-duplicate-lesson = La leçon « { $id } » est déjà déclarée ligne { $line }.
content-defect-duplicate-question = La question « { $id } » est déjà déclarée ligne { $line } dans cette leçon.
content-defect-unknown-material = Source inconnue : « { $id } » n'est déclarée dans aucun [[material]].
content-defect-parts-out-of-range = Nombre de parties impossible : { $parts }. Une leçon a de { $min } à { $max } parties.
content-defect-too-few-questions = { $questions ->
    [0] Cette leçon n'a aucune question
    [one] Cette leçon n'a qu'une question
   *[other] Cette leçon n'a que { $questions } questions
} : il en faut au moins { $min }.
content-defect-options-out-of-range = Nombre d'options impossible : { $options }. Une question a de { $min } à { $max } options.
content-defect-correct-empty = Aucune bonne réponse : indiquez au moins un numéro d'option dans correct.
content-defect-correct-out-of-range = Bonne réponse { $answer } impossible : les options sont numérotées de 1 à { $options }.
content-defect-correct-duplicated = La bonne réponse { $answer } est écrite deux fois.
content-defect-single-with-several-correct = Question « single » avec { $correct } bonnes réponses : une seule est permise (sinon, kind = "multiple").
content-defect-media-both-sources = Le média a à la fois file et url : gardez-en un seul.
content-defect-media-no-source = Le média n'a ni file ni url.
content-defect-media-file-missing = Fichier média introuvable : { $file } (chemin relatif au dossier de la boîte à outils).
content-defect-media-outside-toolbox = Le fichier média { $file } est hors du dossier de la boîte à outils.
content-defect-image-part-out-of-range = L'image est pour la partie { $part }, mais la leçon a { $parts } parties.
content-defect-duplicate-image = La partie { $part } a déjà une image (ligne { $line }) : une seule image par partie.
content-defect-image-caption-missing = L'image de la partie { $part } de la leçon « { $lesson } » n'a pas de légende : ajoutez-la dans image_captions.
content-defect-image-caption-without-image = La partie « { $part } » de la leçon « { $lesson } » n'a pas d'image : cette légende (image_captions) ne serait jamais montrée.
content-defect-bad-url = Adresse invalide : « { $url } ». Elle doit commencer par https:// (ou http://).
content-defect-missing-toolbox-text = Texte de la boîte à outils manquant : { $field }.
content-defect-missing-lesson-text = La leçon « { $lesson } » n'a pas de texte dans ce fichier.
content-defect-missing-question-text = La question « { $question } » de la leçon « { $lesson } » n'a pas de texte dans ce fichier.
content-defect-parts-count = La leçon « { $lesson } » a { $found ->
    [one] une partie
   *[other] { $found } parties
} ici, mais toolbox.toml en déclare { $expected }.
content-defect-options-count = La question « { $question } » (leçon « { $lesson } ») a { $found ->
    [one] une option
   *[other] { $found } options
} ici, mais toolbox.toml en déclare { $expected }.
content-defect-caption-missing = La leçon « { $lesson } » a un média : il lui faut une légende (caption) dans chaque langue.
content-defect-caption-without-media = La leçon « { $lesson } » n'a pas de média : cette légende (caption) ne serait jamais montrée.
content-defect-text-too-long = Texte trop long ({ $kind ->
    [title] titre
    [summary] résumé
    [part] partie de leçon
    [caption] légende
    [question] question
    [option] option
    [explanation] explication
    [charter] charte éthique
   *[reference] référence de la source
}) : { $length } caractères pour { $max } au plus.
content-defect-empty-text = Texte vide ({ $kind ->
    [title] titre
    [summary] résumé
    [part] partie de leçon
    [caption] légende
    [question] question
    [option] option
    [explanation] explication
    [charter] charte éthique
   *[reference] référence de la source
}).
content-defect-undeclared-lesson = La leçon « { $lesson } » n'est pas déclarée dans toolbox.toml (faute de frappe, ou leçon retirée ?).
content-defect-undeclared-question = La question « { $question } » n'est pas déclarée pour la leçon « { $lesson } » dans toolbox.toml.
content-defect-unknown-track-role = Rôle de parcours inconnu : « { $value } ». Valeurs possibles : volunteer, manager.
content-defect-valid-months-out-of-range = Durée de validité de { $months } mois : elle va de 1 à { $max } mois.
content-defect-score-out-of-range = Score minimal de { $score } % : il va de 1 à 100.
content-defect-unknown-reference = « { $id } » n'est ni une boîte à outils ni une leçon (boîte/leçon) de ce contenu.
content-defect-retake-outside-track = La leçon « { $id } » à repasser ne fait pas partie du parcours.
content-defect-bad-version = Version de leçon invalide : « { $version } ». Une version a 16 chiffres hexadécimaux (tatwir certificate tracks --json les montre).
content-defect-empty-track = Ce parcours ne demande aucune leçon.
content-defect-duplicate-track = L'identifiant de parcours « { $id } » est déjà pris par { $other }.
content-defect-unknown-criterion-kind = Type de critère inconnu : « { $value } ». Valeurs possibles : managers_certified, active_volunteers_certified, members_certified, charter_adopted, meetings_attended.
content-defect-number-out-of-range = { $field } vaut { $value } : il va de { $min } à { $max }.
content-defect-unknown-track = « { $id } » n'est pas un parcours de certification de ce contenu (dossier certificates/).
content-defect-duplicate-criterion = Le critère « { $id } » est déjà déclaré à la ligne { $line }.
content-defect-no-criteria = Le label ne déclare aucun critère ([[criterion]]) : il serait accordé à toutes les associations.

# Telegram deep links: opening one starts the bot with the code.
cli-telegram-links = Liens Telegram : bénévoles { $volunteer } · responsables { $manager }

# Broadcasts
cli-broadcast-queued = Annonce n° { $id } : { $count } destinataires en file d'attente.
cli-broadcast-report = Annonce n° { $id } : { $sent } envoyés, { $pending } en attente, { $failed } en échec, { $unreachable } injoignables.
cli-broadcast-unknown = Aucune annonce n° { $id }.
cli-broadcast-text-invalid = Le texte d'une annonce ne peut être ni vide ni plus long que 4000 caractères.

# Meetings
cli-meeting-created = Réunion n° { $id } créée ; invitations en file d'attente : { $count }.
cli-meeting-invalid = Valeur invalide pour { $what } (dates au format 2027-02-07T10:00, fuseau IANA, cron à 6 ou 7 champs, rappels comme 24h, 90m, 2d ou none, jusqu'à 30 jours).
cli-meeting-unknown = Aucune réunion n° { $id }.
cli-meeting-cancel-done = Réunion n° { $id } annulée ; personnes prévenues : { $count }.
cli-meeting-changed = Réunion n° { $id } modifiée ; personnes prévenues : { $count }.
cli-meeting-cancelled = annulée
cli-meetings-none = Aucune réunion.
cli-col-title = Titre
cli-col-start = Début

cli-meeting-attendance = Réunion n° { $id } ({ $occurrence }) : { $count } présences enregistrées.

cli-error-unknown-group = Groupe introuvable : n° { $group }. La commande « tatwir group list » donne les numéros des groupes où le bot se trouve.
cli-groups-none = Aucun groupe : ajoutez le bot à un groupe, puis réessayez.
cli-group-left = quitté
cli-group-language-set = Groupe n° { $group } : les messages des réunions y seront écrits en « { $language } ».
cli-group-platform = plateforme
cli-group-claimed = { $association ->
    [none] Groupe n° { $group } : il appartient de nouveau à la plateforme (les coordinateurs le gèrent).
   *[other] Groupe n° { $group } : il appartient maintenant à « { $association } » (ses responsables le gèrent).
}
cli-error-language = Langue inconnue : « { $language } ». Choisissez fr, ar ou ary (default : le français).
cli-col-channel = Canal

## tatwir outbox
cli-outbox-empty = Rien n'attend d'être envoyé, et aucun message n'a été abandonné.
cli-outbox-pending = en attente
cli-outbox-failed = abandonné
cli-outbox-sent = envoyé
cli-outbox-unreachable = injoignable
cli-col-kind = Sorte
cli-col-chat = Conversation
cli-col-tries = Essais
cli-col-queued = Mis en file
cli-col-error = Dernière erreur
cli-outbox-retried = { $count ->
    [0] Aucun message abandonné à renvoyer.
    [one] Un message abandonné sera renvoyé dès maintenant.
   *[other] { $count } messages abandonnés seront renvoyés dès maintenant.
}
cli-error-outbox-retry = Donnez soit les numéros des messages à renvoyer (tatwir outbox list --failed les montre), soit --failed pour tous les messages abandonnés.

# tatwir certificate
cli-col-person = Personne
cli-col-track = Parcours
cli-col-issued = Délivré
cli-certificate-no-tracks = Ce contenu ne déclare aucun parcours de certification (content/certificates/*.toml).
cli-certificate-track = { $id } — { $title } ({ $role }) : { $lessons } leçon(s) à { $min } % au moins{ $meetings ->
        [0] {""}
       *[other] , { $meetings } réunion(s)
    }{ $months ->
        [0] , sans limite de durée
       *[other] , valable { $months } mois
    }
cli-certificate-unknown-track = Parcours inconnu : « { $track } ». Voir tatwir certificate tracks.
cli-certificate-unknown = Aucun certificat ne porte le code « { $code } ».
cli-certificate-not-manager = La personne { $person } n'est responsable d'aucune association : ce certificat est réservé aux responsables.
cli-certificate-bad-name = Nom invalide : une ligne, au plus { $max } caractères, avec au moins une lettre.
cli-certificate-bad-reason = Donnez un motif (une ligne, au plus 500 caractères).
cli-certificate-held = La personne { $person } détient déjà ce certificat (code { $code }).
cli-certificate-issued = Certificat { $code } délivré à la personne { $person } : { $url }
cli-certificate-none = Aucun certificat.
cli-certificate-revoked = Certificat { $code } révoqué.
cli-certificate-state = { $state ->
        [valid] valable
        [expiring_soon] expire bientôt
        [expired] expiré
       *[revoked] révoqué
    }
cli-certificate-key-current = signe
cli-certificate-key-retired = retirée (vérifie encore)
cli-certificate-key-rotated = Nouvelle clé de l'émetteur : { $kid }. L'ancienne vérifie encore ce qu'elle a signé.
# tatwir label
cli-label-none = Le contenu enseigné ne déclare pas de label qualité (content/label.toml) : importez-le avec « tatwir content import ».
cli-label-state = Association n° { $id } ({ $association }) : { $state ->
        [granted] label accordé le { $since }, valable jusqu'au { $until }
        [expired] label accordé le { $since }, arrivé à son terme le { $until }
        [lost] label accordé le { $since }, perdu le { $until }
       *[none] pas de label
    }.
cli-label-met = oui
cli-label-not-met = non
cli-col-criterion = Critère
cli-col-met = Rempli
cli-col-actual = Atteint
cli-col-needed = Demandé
cli-label-evaluated = { $associations } { $associations ->
        [one] association évaluée
       *[other] associations évaluées
    } : { $granted } { $granted ->
        [one] label accordé
       *[other] labels accordés
    }, { $extended } { $extended ->
        [one] prolongé
       *[other] prolongés
    }, { $lost } { $lost ->
        [one] perdu
       *[other] perdus
    } ({ $warned } { $warned ->
        [one] avertissement
       *[other] avertissements
    } aux responsables).
