# La coopération : campagnes, votes, délégués et déclarations communes (issue 14).

help-votes = les votes ouverts où vous votez pour votre association
help-statements = les déclarations communes à lire et à signer
help-campaigns = les campagnes de la coalition
help-delegate = nommer les délégués qui votent pour votre association
help-propose = proposer une campagne (un coordinateur l'ouvre)
help-vote = ouvrir, prolonger, clore ou montrer un vote
help-argument-vote = open|extend|close|show N …

vote-option-for = Pour
vote-option-against = Contre
vote-option-abstain = Abstention

vote-heading = 🗳 Vote : { $question }
vote-campaign = Campagne : { $title }
vote-deadline = Date limite : { $deadline }
vote-rules = Quorum : { $quorum } % des associations · majorité { $majority ->
        [two-thirds] des deux tiers
       *[simple] simple
    } des voix exprimées (abstentions à part) · vote { $secret ->
        [yes] secret
       *[no] à découvert : le choix de chaque association sera publié à la clôture
    }
vote-secret-explained = Vote secret : seul le décompte est publié, avec la liste des reçus et de leurs choix, pour que chaque association vérifie le sien et que chacun puisse recompter. L'opérateur du service peut encore relier un reçu à une association.
vote-progress = { $voted } { $voted ->
        [one] association a voté
       *[other] associations ont voté
    } sur { $total }. Seuls les délégués votent, une voix par association.
vote-closed-heading = Le vote est clos.
vote-result-line = { $option } : { $count }

vote-counted = { $changed ->
        [yes] Vote changé
       *[no] Vote enregistré
    } pour { $association }{ $secret ->
        [yes] { " " }(vote secret). Votre reçu : { $receipt } (gardez-le pour vérifier le décompte).
       *[no] { " " }: { $option }.
    }
vote-closed = Ce vote est clos : rien n'a changé.
vote-not-taking-part = Seuls les délégués des associations qui prennent part à ce vote votent. Rien n'a changé.
vote-not-delegate = Vous ne votez pas pour { $association } : { $count ->
        [0] elle n'a ni délégué ni responsable pour voter.
        [one] { $delegates } vote pour elle.
       *[other] { $delegates } votent pour elle.
    } Rien n'a changé.
vote-which-association = Pour quelle association votez-vous « { $option } » ?
vote-which-association-private = Vous votez pour plusieurs associations : choisissez laquelle dans notre conversation privée ({ $link }).
vote-which-association-no-private = Vous votez pour plusieurs associations : écrivez-moi en privé ({ $link }) puis envoyez { $votes }.
vote-you-vote-for = { $count ->
        [one] Vous votez pour votre association.
       *[other] Vous votez pour { $count } associations : vous choisirez laquelle.
    }
vote-yours-none = { $association } n'a pas encore voté.
vote-yours-choice = { $association } a voté : { $option }.
vote-yours-secret = { $association } a voté (vote secret). Reçu : { $receipt }
votes-none = Aucun vote ouvert ne vous attend.

vote-result-heading = 🗳 Résultat : { $question }
vote-quorum-line = { $voted } { $voted ->
        [one] association a voté
       *[other] associations ont voté
    } sur { $total } : quorum de { $quorum } % { $met ->
        [yes] atteint
       *[no] non atteint
    }.
vote-outcome-no-votes = Aucune association n'a voté : rien n'est décidé.
vote-outcome-no-quorum = Le quorum n'est pas atteint : rien n'est décidé.
vote-outcome-no-majority = Aucune option n'atteint la majorité { $majority ->
        [two-thirds] des deux tiers
       *[simple] simple
    } : rien n'est décidé.
vote-outcome-tie = Égalité ({ $options }) : aucune option n'atteint la majorité, rien n'est décidé.
vote-outcome-adopted = Adopté : { $option }.
vote-receipts-heading = Reçus et choix (dans un ordre tiré au hasard) :
vote-choices-heading = Choix des associations :
vote-result-yours = { $association } { $voted ->
        [yes] a voté.
       *[no] n'a pas voté.
    }
vote-reminder = ⏰ Le vote « { $question } » se termine bientôt (date limite : { $deadline }). Votre association n'a pas encore voté.
vote-extended = 🗳 Nouvelle date limite du vote « { $question } » : { $deadline }.
vote-usage = Usage : { $command } open CAMPAGNE JJ/MM/AAAA HH:MM [secret] [60%] [2/3] [tous] [groupe=N] question [| option | option…] · { $command } extend N JJ/MM/AAAA HH:MM · { $command } close N · { $command } show N (par défaut : pour, contre, abstention ; quorum 50 % ; majorité simple ; vote à découvert ; de 2 à 10 options à soi, l'abstention toujours ajoutée)
vote-opened = Vote n° { $id } ouvert pour { $total } { $total ->
        [one] association
       *[other] associations
    }.
vote-extended-done = Vote n° { $id } : nouvelle date limite { $deadline }. Tous les participants sont prévenus.
vote-closed-done = Vote n° { $id } clos : le résultat est publié.
vote-unknown = Aucun vote n° { $id }.
campaign-unknown = Aucune campagne ouverte n° { $id }.
vote-deadline-invalid = Date limite illisible ou passée : écrivez par exemple 07/02/2027 18:00.
vote-not-voted-yet = { $count ->
        [0] Toutes les associations ont voté.
       *[other] Pas encore voté : { $associations }.
    }

statement-heading = 📜 { $title } (version { $version })
statement-deadline = Signatures jusqu'au { $deadline }
statement-signed-by = { $count ->
        [0] Aucune association n'a encore signé.
        [one] Signée par { $associations }.
       *[other] Signée par { $count } associations : { $associations }.
    }
statement-sign = ✍️ Signer pour mon association
statement-sign-for = ✍️ Signer pour { $association }
statement-which-association = Pour quelle association signez-vous ?
statement-signed = ✍️ { $association } a signé « { $title } » (version { $version }).
statement-already-signed = { $association } a déjà signé cette version : rien n'a changé.
statement-stale = Le texte a changé depuis : lisez la nouvelle version avec { $statements } et signez-la. Rien n'a changé.
statement-closed = Cette déclaration est close : rien n'a changé.
statement-not-allowed = Seuls les responsables et les délégués d'une association signent pour elle. Rien n'a changé.
statement-changed = ✏️ Le texte de « { $title } » a changé (version { $version }) : la signature donnée à l'ancienne version est annulée. Lisez et signez à nouveau.
statement-closed-final = Texte final et signataires : { $link }
statements-none = Aucune déclaration ouverte à signer.

delegate-title = Délégués qui votent pour votre association
delegate-current = { $association } : { $count ->
        [0] aucun délégué nommé, ses responsables votent.
       *[other] { $delegates }.
    }
delegate-add = ➕ { $name } ({ $association })
delegate-remove = ➖ { $name } ({ $association })
delegate-named = Délégué nommé.
delegate-removed = Ce n'est plus un délégué.
delegate-not-member = Cette personne n'est plus membre de l'association : rien n'a changé.

propose-title = Le titre de la campagne proposée ? (une ligne)
propose-title-invalid = Un titre d'une ligne, { $max } caractères au plus. Écrivez-le à nouveau.
propose-text = La position défendue, en français (un coordinateur pourra ajouter l'arabe et la darija avec tatwir campaign edit) :
propose-text-invalid = Ce texte est vide ou trop long. Écrivez-le à nouveau.
propose-done = Campagne n° { $id } proposée. Un coordinateur l'ouvrira ; { $campaigns } la montre.
campaigns-title = Campagnes
campaigns-line = n° { $id } { $title } ({ $status ->
        [proposed] proposée
       *[open] ouverte
    })
campaigns-none = Aucune campagne pour le moment.
campaign-open-button = Ouvrir « { $title } »
campaign-opened = Campagne n° { $id } « { $title } » ouverte.

cli-vote-bad-zone = Fuseau horaire inconnu : { $zone } (par exemple Africa/Casablanca).
cli-vote-bad-deadline = Date limite illisible : { $deadline } (écrivez 2027-02-07T18:00).
cli-vote-past-deadline = La date limite est déjà passée.
cli-vote-bad-options = Il faut de 2 à 10 options (ou aucune : pour, contre, abstention).
cli-campaign-bad-words = Texte refusé : { $why }.
cli-campaign-bad-link = Lien refusé (http ou https, une ligne) : { $link }
cli-campaign-not-found = Introuvable : { $what } n° { $id }.
cli-campaign-conflict = Impossible pour { $what } n° { $id } : { $why }.
cli-campaign-added = Campagne n° { $id } ouverte.
cli-campaign-opened = Campagne n° { $id } ouverte.
cli-vote-opened = Vote n° { $id } ouvert pour { $total } { $total ->
        [one] association
       *[other] associations
    }.
cli-vote-extended = Vote n° { $id } : nouvelle date limite ; les participants sont prévenus.
cli-vote-closed = Vote n° { $id } clos : le résultat est publié.
cli-vote-already-closed = Le vote n° { $id } était déjà clos.
cli-statement-added = Déclaration n° { $id } ajoutée (version 1).
cli-statement-edited = Déclaration n° { $id } : version { $version } ; les signatures précédentes sont annulées et leurs signataires prévenus.
cli-statement-unchanged = Déclaration n° { $id } : texte identique, rien n'a changé (version { $version }).
cli-statement-closed = Déclaration n° { $id } close : texte final publié.
cli-statement-already-closed = La déclaration n° { $id } était déjà close.
cli-delegate-needs-association = Un délégué l'est d'une association : ajoutez --association.
cli-delegate-not-member = La personne n° { $person } n'est pas membre de cette association.
cli-delegate-named = La personne n° { $person } vote désormais pour l'association n° { $association }.
cli-delegate-removed = La personne n° { $person } ne vote plus pour l'association n° { $association }.
cli-delegate-unchanged = Rien n'a changé.

help-newstatement = écrire une déclaration commune à faire signer
help-votelog = qui a changé le vote de votre association, quand et d'où
help-argument-number = N
statement-write-title = Le titre de la déclaration ? (une ligne)
statement-write-text = Son texte, en français (un coordinateur pourra ajouter l'arabe et la darija) :
statement-write-deadline = Jusqu'à quand signer ? Écrivez une date et une heure (07/02/2027 18:00), ou « - » pour sans date limite.
statement-written = Déclaration n° { $id } écrite : les responsables et les délégués la signent avec { $statements }.
votelog-usage = Usage : { $command } N (le numéro du vote)
votelog-title = Journal du vote « { $question } »
votelog-line = { $at } · { $association } · { $person } ({ $channel }){ $secret ->
        [yes] {""}
       *[no] { " " }: { $option }
    }
votelog-empty = Aucun vote enregistré pour le moment.
vote-reply-with-number = Délégués : répondez à ce message avec le numéro de votre choix.
cli-vote-secret-counts = Un vote secret ne montre pas ses décomptes avant la clôture : ils diraient le choix de chaque association (retirez --show-results).
cli-campaign-edited = Campagne n° { $id } modifiée.
