# Tatwir — messages of the conversation engine (French, the fallback: it holds every message).
# Variables named $help, $start hold a command as it is typed on the person's channel (/help or !help).

## Errors and bad input

error-technical = Désolé, un problème technique m'empêche de répondre. Votre message n'a rien changé ; réessayez dans un instant.
choice-expired = Ce choix n'est pas ou plus valable. Utilisez les derniers boutons que je vous ai envoyés, ou recommencez la commande.
flood-slow-down = Trop de messages d'un coup : je ne lirai pas les suivants pendant une minute. Réessayez ensuite, un message à la fois.
input-too-long = Ce message est trop long pour moi (plus de { $max } caractères). Envoyez-en un plus court.
input-empty = Je n'ai reçu aucun texte. Envoyez { $help } pour voir ce que vous pouvez faire.
free-text = { $member ->
    [yes] Je ne comprends que les commandes. Envoyez { $help } pour voir ce que vous pouvez faire.
   *[no] Je ne comprends que les commandes. Pour rejoindre votre association, envoyez { $start } suivi du code qu'elle vous a donné ; { $help } montre tout le reste.
}
command-unknown = Je ne connais pas la commande { $command }. Envoyez { $help } pour voir la liste.
command-not-allowed = Cette commande n'est pas ouverte à votre rôle. Envoyez { $help } pour voir ce que vous pouvez faire.

## Language

# Shown together with the same line in every language: keep it short.
language-prompt = Choisissez votre langue :
# The name of this language, written in itself (a button label).
language-self-name = Français
language-set = C'est noté : je vous écrirai en français.

## Joining an association

welcome-not-member = Bienvenue sur Tatwir, { $name } ! Je vous accompagne pour apprendre, vous former et coopérer entre associations. Pour commencer, demandez un code d'invitation à votre association, puis envoyez { $start } suivi de ce code. Envoyez { $help } pour voir ce que vous pouvez faire.
start-welcome-back = Bon retour sur Tatwir, { $name } !
start-joined = Bienvenue, { $name } ! Vous avez rejoint « { $association } » en tant que { $role }.
start-promoted = C'est fait, { $name } : vous êtes maintenant { $role } de « { $association } ».
start-already-member = Vous êtes déjà membre de « { $association } » en tant que { $role }. Rien n'a changé.
invite-unknown = Ce code d'invitation n'existe pas. Vérifiez-le auprès de votre association, puis envoyez { $start } suivi du code.
invite-expired = Ce code d'invitation a expiré. Demandez un nouveau code à votre association, puis envoyez { $start } suivi du code.
invite-revoked = Ce code d'invitation a été désactivé. Demandez un nouveau code à votre association, puis envoyez { $start } suivi du code.
invite-used-up = Ce code d'invitation a déjà servi autant de fois qu'il le pouvait. Demandez un nouveau code à votre association, puis envoyez { $start } suivi du code.
invite-role-taken-back = Votre rôle dans cette association vous a été retiré depuis que ce code a été fait : il ne vous le rend pas. Si c'était une erreur, demandez un nouveau code à votre association.
invite-too-many-tries = Trop de codes erronés à la suite. Réessayez { $minutes ->
    [one] dans une minute
   *[other] dans { $minutes } minutes
}, avec le code exact donné par votre association.

## Roles

role-volunteer = bénévole
role-manager = responsable
role-coordinator = coordinateur ou coordinatrice
role-admin = administrateur ou administratrice

## Help

help-title = Ce que vous pouvez faire :
# Placeholder for the invite code after the start command.
help-argument-code = CODE
help-start = rejoindre une association avec son code d'invitation
help-profile = voir votre profil et vos associations
help-language = changer de langue
help-help = afficher cette aide
# One line of help: a command as it is typed, and what it does.
help-line = { $command } : { $description }
help-footer-member = Vous pouvez rejoindre une autre association avec { $start } et son code.
help-footer-not-member = Pas encore de code ? Demandez-le à votre association.

## Profile

profile-title = Votre profil : { $name }
profile-language = Langue : { $language }
profile-associations = { $count ->
    [0] Vous n'êtes membre d'aucune association.
    [one] Vous êtes membre d'une association :
   *[other] Vous êtes membre de { $count } associations :
}
profile-membership = { $association } ({ $city }) : { $role }
profile-platform-role = Rôle sur la plateforme : { $role }

## Help for learning

help-learn = suivre les leçons et les quiz des boîtes à outils
help-progress = voir votre progression et vos scores
help-review = réviser les questions qui reviennent aujourd'hui
help-daily = recevoir une leçon chaque jour à cette heure (« off » pour arrêter)
# Placeholder for the time after the daily command.
help-argument-time = HH:MM

## Toolboxes and lessons
# $learn holds the learn command as it is typed on the person's channel; $link is the address of a private chat with the bot, or "none".

learn-private-only = { $link ->
    [none] Les leçons se suivent en privé : écrivez-moi directement, puis envoyez { $learn }.
   *[other] Les leçons se suivent en privé : ouvrez { $link } puis envoyez { $learn }.
}
learn-empty = Aucune boîte à outils n'est disponible pour le moment. Revenez bientôt !
learn-title = Vos boîtes à outils
learn-intro = Choisissez une boîte à outils. Chaque leçon tient en quelques messages courts, suivis d'un petit quiz.
# A button: a toolbox with the lessons done out of all its lessons.
learn-toolbox-choice = { $title } ({ $done }/{ $total })
learn-continue-choice = ▶ Reprendre : { $lesson }
learn-review-choice = 🔁 Réviser ({ $count })
toolbox-progress = { $total ->
    [one] Leçon terminée : { $done } sur 1.
   *[other] Leçons terminées : { $done } sur { $total }.
}
# A button for one lesson, in teaching order ($number is its place). $status is done, started or new; $right/$total is the best quiz score.
toolbox-lesson-choice = { $status ->
    [done] ✅ { $title } · { $right }/{ $total }
    [started] ▶ { $title }
   *[new] { $title }
}
toolbox-back-choice = ⬅ Toutes les boîtes à outils
lesson-part-header = { $title } · { $part }/{ $parts }
lesson-next-choice = Suite ▶
lesson-quiz-choice = Passer au quiz ▶
lesson-gone = Cette leçon n'est plus disponible. Envoyez { $learn } pour voir les leçons.

## Quizzes

quiz-intro = { $count ->
    [one] Quiz : une question. Choisissez la bonne réponse.
   *[other] Quiz : { $count } questions. Choisissez la bonne réponse à chacune.
}
quiz-question-number = ({ $number }/{ $total })
quiz-several-answers = Plusieurs réponses sont possibles : envoyez tous les bons numéros, par exemple 1,3.
quiz-right = ✅ Bonne réponse !
quiz-wrong = ❌ Pas tout à fait.
quiz-right-answer = La bonne réponse : { $answer }
quiz-answer-invalid = Cette réponse ne correspond à aucune des options proposées. Choisissez parmi elles.
quiz-answer-one = Une seule réponse est attendue pour cette question : choisissez-en une.
quiz-done = Quiz terminé : { $right }/{ $total } ({ $percent } %).
quiz-best = Votre meilleur score pour cette leçon reste { $right }/{ $total } : c'est lui qui compte.
quiz-toolbox-done = Bravo : vous avez terminé toutes les leçons de « { $toolbox } » !
quiz-next-lesson-choice = Leçon suivante : { $title } ▶
quiz-retake-choice = 🔁 Refaire le quiz
quiz-toolbox-choice = ⬅ { $toolbox }

## Spaced review

review-none = Rien à réviser pour le moment. Les questions auxquelles vous avez répondu reviendront ici au bon moment pour que vous ne les oubliiez pas.
review-intro = { $count ->
    [one] Révision : une question revient aujourd'hui.
   *[other] Révision : { $count } questions reviennent aujourd'hui.
}
review-done = Révision terminée : { $right }/{ $total } bonnes réponses.

## Progress

progress-title = Votre progression
progress-none = Vous n'avez encore commencé aucune leçon. Envoyez { $learn } pour commencer.
# $percent is the average best score, or "none" before any quiz.
progress-toolbox = { $percent ->
    [none] { $title } : { $done }/{ $total } leçons
   *[other] { $title } : { $done }/{ $total } leçons · score { $percent } %
}
progress-total = En tout : { $done }/{ $total } leçons terminées.
progress-reviews = { $count ->
    [0] Aucune question à réviser aujourd'hui.
    [one] Une question à réviser aujourd'hui : { $review }
   *[other] { $count } questions à réviser aujourd'hui : { $review }
}
progress-daily-on = Leçon du jour : chaque jour à { $time } ({ $zone }).
progress-daily-off = Leçon du jour : désactivée. Pour la recevoir, envoyez par exemple { $example }.

## Daily lesson
# $example is the daily command with a time, $off the command that stops it.

daily-private-only = { $link ->
    [none] La leçon du jour s'envoie en privé : écrivez-moi directement, puis envoyez la commande.
   *[other] La leçon du jour s'envoie en privé : ouvrez { $link } puis envoyez la commande.
}
daily-set = C'est noté : une leçon chaque jour à { $time } ({ $zone }). La première arrive { $day ->
    [today] aujourd'hui.
    [tomorrow] demain.
   *[other] le { $date }.
} Pour arrêter : { $off }.
daily-off = C'est noté : plus de leçon du jour. Vous pouvez la réactiver quand vous voulez, par exemple avec { $example }.
daily-already-off = La leçon du jour n'est pas activée. Pour la recevoir chaque jour à la même heure, envoyez par exemple { $example }.
daily-status = Vous recevez une leçon chaque jour à { $time } ({ $zone }). Pour changer l'heure : { $example } ; pour arrêter : { $off }.
daily-bad-time = Je n'ai pas compris cette heure. Écrivez-la comme ceci : { $example } (de 00:00 à 23:59), ou { $off } pour arrêter.
daily-message-title = 📚 Votre leçon du jour
daily-message-lesson = { $toolbox } : { $lesson }
daily-message-all-done = Vous avez terminé toutes vos leçons, bravo ! Révisez de temps en temps pour ne pas oublier.
daily-message-reviews = { $count ->
    [one] Une question attend aussi votre révision.
   *[other] { $count } questions attendent aussi votre révision.
}
daily-start-choice = Commencer la leçon ▶

## Time zone
# $example is the command with a zone name, as it is typed on the person's channel.

help-timezone = voir ou changer votre fuseau horaire (pour les heures des leçons et des réunions)
help-argument-zone = Zone/Ville
timezone-current = Votre fuseau horaire : { $zone } (il y est { $time }). Pour le changer, envoyez par exemple { $example }.
timezone-set = C'est noté : vos heures suivent maintenant le fuseau { $zone } (il y est { $time }).
timezone-unknown = Je ne connais pas ce fuseau horaire. Donnez un nom de la base IANA, par exemple { $example } ou Africa/Casablanca.

## Announcements and muted topics
# $mute, $unmute and $broadcast hold the commands as typed on the person's channel.

help-mute = ne plus recevoir un sujet (réunions, annonces ou leçon du jour)
help-unmute = recevoir de nouveau un sujet
help-broadcast = envoyer une annonce à tous les membres
help-argument-topic = SUJET
help-argument-text = TEXTE
topic-meetings = réunions
topic-announcements = annonces
topic-daily = leçon
topic-certificates = certificats
topic-votes = votes
mute-status = { $count ->
    [0] Vous recevez tout : { $topics }. Pour couper un sujet : { $mute } suivi du sujet.
   *[other] Sujets coupés : { $muted }. Sujets possibles : { $topics }.
}
mute-unknown = Je ne connais pas ce sujet. Choisissez parmi : { $topics } (par exemple { $mute } annonces).
mute-done = C'est noté : vous ne recevrez plus les messages « { $topic } ». Pour les retrouver : { $unmute } { $topic }.
unmute-done = C'est noté : vous recevez de nouveau les messages « { $topic } ».
broadcast-usage = Écrivez l'annonce après la commande, par exemple : { $broadcast } La réunion de samedi est reportée.
# $audience says who receives it (the members of all associations, of some, in a city…).
broadcast-preview = Annonce à envoyer — destinataires : { $audience }
broadcast-confirm-choice = 📢 Envoyer
broadcast-audience-choice = 🎯 Choisir les destinataires
broadcast-translate-choice = 🌐 Ajouter le texte en { $language }
broadcast-text-in = En { $language } :
broadcast-ask-text-in = Écrivez l'annonce en { $language }. Chacun la recevra dans sa langue (en français si la sienne manque).
broadcast-ask-audience = À qui envoyer l'annonce ?
broadcast-cancel-choice = Annuler
broadcast-cancelled = C'est annulé : l'annonce n'a pas été envoyée.
broadcast-queued = { $count ->
    [0] L'annonce n° { $id } n'a trouvé aucun destinataire (personne n'a encore de discussion privée avec moi, ou tous ont coupé les annonces).
    [one] L'annonce n° { $id } part vers une personne.
   *[other] L'annonce n° { $id } part vers { $count } personnes.
}
broadcast-report-choice = 📊 Suivi de l'envoi
broadcast-report = Annonce n° { $id } : { $sent } envoyés, { $pending } en attente, { $failed } en échec, { $unreachable } injoignables.
broadcast-title = 📢 Annonce

## Meetings

help-meetings = voir les réunions où vous êtes invité et y répondre
rsvp-yes = ✅ Oui
rsvp-no = ❌ Non
rsvp-maybe = 🤔 Peut-être
rsvp-none = pas encore répondu
rsvp-noted = Réponse notée pour « { $title } » : { $answer }. Vous pouvez la changer quand vous voulez avec { $meetings }.
rsvp-noted-group = { $name } : { $answer } pour « { $title } ».
meeting-invitation = 📅 Invitation à une réunion
meeting-reminder = ⏰ Rappel de réunion
meeting-cancelled = 🚫 Réunion annulée
meetings-title = 📅 Réunion
meeting-when = Quand : { $when }
meeting-place = Où : { $place }
meeting-link = En ligne : { $link }
meeting-your-answer = Votre réponse : { $answer }
meeting-gone = Cette réunion n'existe plus ou a été annulée.
meeting-calendar-choice = 📅 Ajouter à mon agenda (.ics)
meeting-calendar-sent = 📅 « { $title } » pour votre agenda : ouvrez ce fichier pour l'y ajouter.
meetings-none = Aucune réunion à venir pour vous.

## Organising meetings (managers for their association, coordinators for all)
# $command is a command as typed on the person's channel; $link is the address of a private chat with the bot, or "none".

help-newmeeting = créer une réunion et inviter ses participants
help-grouplanguage = (dans un groupe) la langue des messages de réunion qui y sont publiés
help-argument-language = fr|ar|ary
group-language-in-group = Envoyez { $command } dans le groupe concerné, suivi de la langue (fr, ar ou ary).
help-claimgroup = (dans un groupe) rattacher ce groupe à votre association
help-argument-association = [N]
group-claim-in-group = Envoyez { $command } dans le groupe à rattacher à votre association.
group-claim-which = { $associations ->
    [none] Précisez le numéro de l'association : { $command } N.
   *[other] Précisez le numéro de l'association : { $command } N. Les vôtres : { $associations }.
}
group-claimed = C'est noté : ce groupe appartient maintenant à « { $association } ». Ses responsables peuvent y choisir la langue ({ $grouplanguage }) et l'inviter aux réunions.
group-not-yours = { $association ->
    [none] Ce groupe appartient à la plateforme : seuls les coordinateurs le gèrent. Un responsable peut le rattacher à son association avec { $command }.
   *[other] Ce groupe appartient à « { $association } » : seuls ses responsables et les coordinateurs le gèrent.
}
group-language-usage = Les messages de réunion de ce groupe sont en { $language }. Pour changer : { $command } fr, ar ou ary.
group-language-set = C'est noté : les messages de réunion de ce groupe seront en { $language }.
help-organize = vos réunions : modifier, annuler, noter les présences
invite-private-only = { $link ->
    [none] Un code d'invitation se donne en privé : écrivez-moi directement, puis envoyez { $command } suivi du code. Ne le montrez pas au groupe.
   *[other] Un code d'invitation se donne en privé : ouvrez { $link } puis envoyez { $command } suivi du code. Ne le montrez pas au groupe.
}
private-data-only = { $link ->
    [none] Ce que vous demandez est personnel : écrivez-moi directement, puis envoyez { $command }.
   *[other] Ce que vous demandez est personnel : ouvrez { $link } puis envoyez { $command }.
}
organize-private-only = { $link ->
    [none] Les réunions s'organisent en privé : écrivez-moi directement, puis envoyez { $command }.
   *[other] Les réunions s'organisent en privé : ouvrez { $link } puis envoyez { $command }.
}
meeting-changed = ✏️ Réunion modifiée
draft-new-heading = 📅 Nouvelle réunion
draft-ask-title = Quel est son titre ?
draft-ask-start = Quand commence-t-elle ? Écrivez la date et l'heure, par exemple { $example } (heure de { $zone } ; ajoutez un autre fuseau après l'heure si besoin, comme { $example } Europe/Paris).
draft-ask-length = Combien de temps dure-t-elle ? Choisissez, ou écrivez l'heure de fin (12:30).
# A button: a length; $hours and $minutes are numbers.
draft-length-value = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes }
}
draft-ask-place = Où a-t-elle lieu ? Écrivez l'adresse, ou passez si elle est en ligne.
draft-ask-link = Un lien pour la suivre en ligne (https://…) ? Écrivez-le, ou passez.
draft-ask-agenda = L'ordre du jour ? Écrivez-le, ou passez.
draft-ask-repeat = Se répète-t-elle ?
draft-repeat-none = Une seule fois
draft-repeat-weekly = Chaque semaine
draft-repeat-fortnightly = Toutes les deux semaines
draft-repeat-monthly = Chaque mois
draft-repeat-custom = Selon un calendrier sur mesure
draft-ask-audience = Qui est invité ?
draft-audience-all = Tous les membres
draft-audience-managers = Tous les responsables
draft-audience-city = Les associations de { $city }
draft-audience-association = Les membres de { $association }
draft-audience-group = { $association ->
    [none] 💬 Groupe : { $title } (plateforme)
   *[other] 💬 Groupe : { $title } ({ $association })
}
# $associations is a list of names or "all"; $role a role's name or "none"; $city a city or "none".
draft-audience-value = { $associations ->
    [all] toutes les associations
   *[other] { $associations }
}{ $role ->
    [none] {""}
   *[other] , { $role } seulement
}{ $city ->
    [none] {""}
   *[other] , à { $city }
}
draft-ask-reminders = Quand rappeler la réunion à ceux qui viennent ? Choisissez, ou écrivez les délais avant le début (2j 3h 30m).
# $count is how many reminders, $offsets the list of offsets (24h, 1h).
draft-reminders-value = { $count ->
    [0] Aucun rappel
   *[other] { $offsets } avant
}
# Between the items of a short list.
list-separator = {", "}
draft-show-reminders = Rappels : { $reminders }
draft-change-reminders = ✏️ Rappels
draft-reminders-bad = Je n'ai pas compris ces délais : écrivez par exemple 2j 3h 30m (jusqu'à 30 jours, 10 rappels au plus), ou « aucun ».
draft-ask-title-in = Le titre en { $language } ?
draft-ask-agenda-in = L'ordre du jour en { $language } ? Écrivez-le, ou passez.
draft-skip = ⏭ Passer
draft-back = ↩ Retour au résumé
draft-discard = ✖ Abandonner
draft-review-new = 📋 Votre réunion, avant d'envoyer les invitations
draft-review-edit = 📋 La réunion modifiée, avant d'annoncer le changement
draft-show-title = Titre ({ $language }) : { $title }
draft-show-when = Quand : { $when }, durée { $length }
draft-show-repeat = Répétition : { $repeat }
draft-show-agenda = Ordre du jour ({ $language }) : { $agenda }
draft-show-audience = Invités : { $audience }
draft-confirm-new = ✅ Envoyer les invitations
draft-confirm-edit = 📣 Annoncer le changement
draft-change-title = ✏️ Titre
draft-change-start = ✏️ Date et heure
draft-change-length = ✏️ Durée
draft-change-place = ✏️ Lieu
draft-change-link = ✏️ Lien
draft-change-agenda = ✏️ Ordre du jour
draft-change-repeat = ✏️ Répétition
draft-change-audience = ✏️ Invités
draft-translate = 🌐 Titre en { $language }
draft-title-bad = Le titre doit tenir sur une ligne de 1 à { $title_max } caractères.
draft-start-bad = Je n'ai pas compris cette date. Écrivez la date puis l'heure, par exemple { $example }.
draft-start-past = Cette date est déjà passée : choisissez un moment à venir.
draft-start-far = C'est trop loin : choisissez une date dans les cinq ans.
draft-length-bad = Choisissez une durée, ou écrivez une heure de fin après le début (12:30).
draft-place-bad = Le lieu doit tenir sur une ligne de 1 à { $place_max } caractères.
draft-link-bad = Ce n'est pas une adresse web : écrivez un lien qui commence par https://
draft-agenda-bad = L'ordre du jour doit faire de 1 à { $agenda_max } caractères.
draft-use-choices = Choisissez l'une des options proposées.
draft-discarded = Réunion abandonnée : rien n'a été envoyé.
draft-created = { $count ->
    [0] Réunion n° { $id } « { $title } » créée, mais personne n'est joignable pour l'instant. Retrouvez-la avec { $organize }.
    [one] Réunion n° { $id } « { $title } » créée : l'invitation part vers une personne. Suivez les réponses avec { $organize }.
   *[other] Réunion n° { $id } « { $title } » créée : les invitations partent vers { $count } personnes. Suivez les réponses avec { $organize }.
}
draft-changed = { $count ->
    [0] « { $title } » est modifiée ; personne à prévenir.
    [one] « { $title } » est modifiée ; une personne invitée est prévenue et peut répondre à nouveau.
   *[other] « { $title } » est modifiée ; { $count } personnes invitées sont prévenues et peuvent répondre à nouveau.
}
organize-none = Vous n'organisez aucune réunion à venir. Créez-en une avec { $newmeeting }.
organize-meeting = 📅 Réunion que vous organisez
organize-answers = Réponses : { $yes } oui, { $maybe } peut-être, { $no } non
organize-edit = ✏️ Modifier
organize-attendance = ✅ Présences
organize-cancel = 🚫 Annuler
organize-cancel-confirm = Annuler « { $title } » ? Toutes les personnes invitées seront prévenues.
organize-cancel-yes = 🚫 Oui, annuler
organize-cancel-no = ↩ Non, la garder
organize-kept = La réunion est maintenue.
organize-cancelled = { $count ->
    [0] « { $title } » est annulée.
    [one] « { $title } » est annulée ; une personne invitée est prévenue.
   *[other] « { $title } » est annulée ; { $count } personnes invitées sont prévenues.
}
organize-not-yours = Cette réunion n'existe plus, a été annulée, ou n'est pas la vôtre : rien n'a changé.
attendance-not-yet = « { $title } » n'a pas encore commencé : les présences se notent une fois la réunion commencée.
attendance-pick = De quelle séance de « { $title } » notez-vous les présences ?
attendance-title = Présences : { $title }, { $when }
attendance-recorded = { $recorded ->
    [one] Une présence de plus est notée.
   *[other] { $recorded } présences de plus sont notées.
}
attendance-present = { $count ->
    [0] Personne n'est encore noté présent.
    [one] Une personne est notée présente :
   *[other] { $count } personnes sont notées présentes :
}
attendance-intro = Touchez le nom de chaque personne venue pour la noter présente.
attendance-all-yes = ✅ Tous ceux qui ont dit oui
# A button: a person's name and their answer to the invitation.
attendance-person = { $name } ({ $answer })
attendance-nobody-left = Toutes les personnes invitées, sauf celles qui ont dit non, sont notées.
