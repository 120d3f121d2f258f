# Tatwir — the warnings of « tatwir content check » (French): what a pack may hold but deserves
# a second look. A warning never fails the check. "warning:" stays in English in every language,
# as compilers print it, so that editors and scripts find it.

content-warning = { $file }:{ $line }: warning: { $message }
content-warning-answer-pattern = { $same } questions à réponses multiples sur { $total } ont le même schéma : { $correct } bonnes réponses sur { $options } options. Qui repère ce schéma répond sans lire : variez le nombre de bonnes réponses.
content-warning-latin-in-darija = Lettres latines dans un texte en darija ({ $kind ->
    [title] titre
    [summary] résumé
    [part] partie de leçon
    [caption] légende
    [question] question
    [option] option
    [explanation] explication
    [charter] charte éthique
   *[reference] référence de la source
}) : « { $word } ». La darija du pack s'écrit en lettres arabes.
content-warning-peh-in-darija = Lettre پ dans un texte en darija ({ $kind ->
    [title] titre
    [summary] résumé
    [part] partie de leçon
    [caption] légende
    [question] question
    [option] option
    [explanation] explication
    [charter] charte éthique
   *[reference] référence de la source
}) : au Maroc, on écrit ب.
