# The associations' quality label (issue 13): /label, the ethics charter, the warning when the
# label is lost.

help-label = le label qualité de votre association : ce qui est fait, ce qui manque, la charte éthique

label-none = Aucun label qualité n'est défini pour l'instant.
label-which = Pour quelle association ? Choisissez-la, ou envoyez { $command } suivi de son numéro.
label-association-choice = { $id } · { $association }
label-not-yours = Vous ne pouvez voir que le label des associations dont vous êtes responsable (n° { $id }).
label-unknown-association = Aucune association ne porte le n° { $id }.

label-title = 🏅 Label qualité Tatwir — { $association }
label-status-none = Pas encore de label.
label-status-granted = Label accordé depuis le { $since }, valable jusqu'au { $until }.
label-status-expired = Label arrivé à son terme le { $at } : il sera prolongé à la prochaine évaluation quotidienne si tous les critères sont remplis.
label-status-lost = Label perdu le { $at } : un critère n'était plus rempli.

# One line of the checklist each; $actual is where the association is, $needed what it takes.
label-criterion-managers-certified = { $needed ->
        [one] Au moins un responsable a
       *[other] Au moins { $needed } responsables ont
    } le certificat « { $track } » : { $actual }
label-criterion-active-volunteers-certified = Au moins { $percent } % des bénévoles actifs ces { $months } derniers mois ont le certificat « { $track } » : { $actual } sur { $active } (il en faut { $needed })
label-criterion-members-certified = { $needed ->
        [one] Au moins un membre a
       *[other] Au moins { $needed } membres ont
    } le certificat « { $track } » : { $actual }
label-criterion-charter-adopted = Charte éthique { $adopted ->
        [yes] adoptée par { $by } le { $date }
       *[no] pas encore adoptée
    }
label-criterion-charter-adopted-on = Charte éthique adoptée le { $date }
label-criterion-meetings-attended = Au moins { $needed } réunions entre associations suivies ces { $months } derniers mois : { $actual }
label-criterion-other = { $id } : { $actual } sur { $needed }

label-summary-missing = { $count ->
        [one] Un critère n'est pas rempli.
       *[other] { $count } critères ne sont pas remplis.
    }
label-summary-ready = Tous les critères sont remplis : le label sera accordé lors de la prochaine évaluation quotidienne.

label-charter-read-adopt = 📜 Lire et adopter la charte
label-charter-read = 📜 Lire la charte
label-charter-adopted-by = Adoptée au nom de { $association } par { $by } le { $date }.
# Said on every channel: the choice is a button on Telegram, a number to type on Matrix.
label-charter-confirm = En choisissant « J'adopte la charte » ci-dessous, vous adoptez cette charte au nom de { $association } ; votre nom et la date sont enregistrés.
label-charter-adopt = ✅ J'adopte la charte au nom de { $association }
label-charter-not-adopted = { $association } n'a pas encore adopté cette charte : l'un de ses responsables peut le faire.
label-back = ↩ Retour au label
label-charter-not-manager = Seuls les responsables de { $association } peuvent adopter sa charte, et vous ne l'êtes pas (ou plus).
label-charter-changed = La charte a changé depuis que vous l'avez ouverte : relisez-la avant de l'adopter.
label-charter-adopted = ✅ Charte adoptée au nom de { $association } par { $by } le { $date }.
label-charter-already-adopted = Cette charte est déjà adoptée au nom de { $association }, par { $by } le { $date }.

# The warning to each manager when the label is lost.
label-lost-warning = ⚠️ { $association } a perdu le label qualité Tatwir : ces critères ne sont plus remplis.
label-lost-footer = Envoyez { $command } pour voir la liste complète et ce qu'il reste à faire.

# The label's public page, and the label in Open Badges documents (in French).
web-label-none-title = Pas de label
web-label-none = Cette association ne détient pas le label qualité Tatwir.
web-label-expired = Label arrivé à son terme le { $at }.
web-label-lost = Label retiré le { $at } : un critère n'était plus rempli.
web-label-criteria = Critères remplis
web-label-achievement-name = Label qualité Tatwir
web-label-achievement-description = Association dont les responsables et les bénévoles sont formés et certifiés, qui a adopté la charte éthique de Tatwir et coopère avec d'autres associations.
web-label-achievement-criteria = Remplir tous les critères du label : responsables certifiés, part des bénévoles actifs certifiés, au moins un certificat de premiers secours, charte éthique adoptée, réunions entre associations suivies dans les douze derniers mois. Réévalué chaque jour, valable douze mois.
