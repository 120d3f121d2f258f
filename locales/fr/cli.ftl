# Tatwir — what the command line prints for coordinators and administrators (French).

cli-migrated = Base de données à jour : { $database }
cli-association-created = Association n° { $id } créée : { $name } ({ $city })
cli-volunteer-code = Code d'invitation pour les bénévoles : { $code }
cli-manager-code = Code d'invitation pour les responsables : { $code }
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

cli-status-active = actif
cli-status-expired = expiré
cli-status-revoked = désactivé
cli-never = jamais

cli-role-granted = La personne n° { $person } a maintenant le rôle { $role }.
cli-role-unchanged = La personne n° { $person } avait déjà le rôle { $role } : rien n'a changé.
cli-role-revoked = La personne n° { $person } n'a plus le rôle { $role }.
cli-role-not-held = La personne n° { $person } n'avait pas le rôle { $role } : rien n'a changé.
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
