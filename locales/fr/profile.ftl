# Cohort — le profil du candidat, en français. Chaque clé existe aussi dans
# en/profile.ftl (un test de cohort-domain vérifie le message de chaque problème).
#
# Les nombres sont passés comme nombres ($max).

profile-invalid = Certains champs du profil ne sont pas valides ; chacun est indiqué.
profile-start-invalid = La date de début doit s’écrire AAAA-MM-JJ, par exemple 2027-03-01.

profile-text-control-characters = Ce texte ne peut contenir ni retour à la ligne, ni tabulation, ni autre caractère de contrôle.
profile-text-too-long = Ce texte est trop long : { $max } caractères au plus.
profile-date-malformed = Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2001-04-23, et vérifiez que le jour existe.
profile-date-in-future = Cette date ne peut pas être dans le futur.
profile-date-too-early = Cette date ne peut pas être antérieure au 1er janvier 1900.
profile-date-too-far-ahead = La date prévue d’obtention du diplôme peut être au plus dans { $max } ans.
profile-graduation-in-future = Une date d’obtention du diplôme dans le futur n’est possible que si vous êtes inscrit actuellement.
profile-phone-malformed = Indiquez un numéro de téléphone : un + facultatif, puis 6 à 15 chiffres (espaces, points, tirets et parenthèses admis).
profile-country-unknown = Indiquez un pays par son code ISO 3166-1 à deux lettres majuscules, par exemple FR ou US.
profile-nationality-repeated = Cette nationalité figure déjà dans la liste.
profile-nationalities-too-many = Vous pouvez indiquer { $max } nationalités au plus.
profile-language-unknown = Indiquez une langue par son code ISO 639-1 à deux lettres minuscules, par exemple en ou fr.
profile-language-repeated = Cette langue figure déjà dans la liste.
profile-languages-too-many = Vous pouvez indiquer { $max } langues au plus.
profile-level-unknown = Indiquez un niveau du CECRL : A1, A2, B1, B2, C1, C2 ou native (langue maternelle).
profile-education-level-missing = Indiquez le niveau de votre diplôme.
profile-education-level-unknown = Le niveau du diplôme doit être bachelor (licence), master, doctorate (doctorat) ou other (autre).
profile-years-out-of-range = Le nombre d’années achevées doit être compris entre 0 et { $max }.

api-op-get_profile = Le profil du candidat connecté (champs vides tant qu’il n’est pas enregistré), avec un aperçu de l’éligibilité selon les règles de l’OTAN pour une session commençant à la date donnée.
api-op-put_profile = Enregistrer le profil du candidat connecté (exige X-CSRF-Token). Tous les champs sont facultatifs ; tous les problèmes sont signalés à la fois.
api-param-get_profile-start = premier jour du stage pour l’aperçu de l’éligibilité, AAAA-MM-JJ (par défaut, le prochain 1er mars)
api-param-put_profile-start = premier jour du stage pour l’aperçu de l’éligibilité, AAAA-MM-JJ (par défaut, le prochain 1er mars)
api-response-get_profile-200 = le profil et l’aperçu de l’éligibilité
api-response-get_profile-401 = non connecté
api-response-get_profile-422 = start n’est pas une date
api-response-put_profile-200 = enregistré ; le profil tel que conservé et l’aperçu de l’éligibilité
api-response-put_profile-400 = pas le JSON attendu
api-response-put_profile-401 = non connecté
api-response-put_profile-403 = jeton CSRF absent ou erroné
api-response-put_profile-422 = des champs sont refusés ; problems indique chacun avec son message
profile-gender-unknown = Choisissez l’une des réponses, ou laissez vide.
candidate-gender = Genre (facultatif)
candidate-gender-hint = Seulement compté dans les statistiques du programme ; les examinateurs ne le voient jamais.
candidate-gender-female = Femme
candidate-gender-male = Homme
candidate-gender-other = Autre genre
candidate-gender-undisclosed = Je préfère ne pas le dire
