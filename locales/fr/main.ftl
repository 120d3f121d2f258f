# Tatwir — messages of the conversation engine (French, the fallback: it holds every message).
# Variables named $help, $start hold a command as it is typed on the person's channel (/help or !help).

## Errors and bad input

error-technical = Désolé, un problème technique m'empêche de répondre. Votre message n'a rien changé ; réessayez dans un instant.
choice-expired = Ce choix n'est plus valable. Utilisez les derniers boutons que je vous ai envoyés, ou recommencez la commande.
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
