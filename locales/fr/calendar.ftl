# Les flux d’agenda (iCalendar).

calendar-title = Vos dates dans votre agenda
calendar-lead = Abonnez-vous à vos dates — échéances, réponse à une offre, premier et dernier jours, étapes avant l’arrivée — dans toute application d’agenda, avec un lien privé.
calendar-your-link = Votre lien privé
calendar-link-hint = Copiez-le maintenant dans votre application d’agenda : il n’est affiché qu’une fois. Quiconque l’a voit vos dates.
calendar-create = Créer un lien d’agenda
calendar-replace = Remplacer le lien (l’ancien cesse de fonctionner)
calendar-revoke = Révoquer le lien
calendar-revoked = Le lien est révoqué : il ne fonctionne plus.
calendar-link = Vos dates dans votre agenda
calendar-name = Programme de stages
calendar-opens = Ouverture des candidatures : { $session }
calendar-closes = Clôture des candidatures : { $session }
calendar-start = Début des stages : { $session }
calendar-end = Fin des stages : { $session }
calendar-reply = Réponse à votre offre : { $session }
calendar-round-reply = Réponses aux offres attendues : { $session }
calendar-item = Avant l’arrivée : { $item }
api-op-new_calendar_feed = Créer un flux d’agenda de ses dates (tout flux précédent cesse de fonctionner).
api-response-new_calendar_feed-201 = l’adresse du flux, affichée une fois
api-response-new_calendar_feed-401 = non connecté
api-response-new_calendar_feed-403 = jeton CSRF manquant
api-op-revoke_calendar_feed = Révoquer son flux d’agenda.
api-response-revoke_calendar_feed-204 = révoqué
api-response-revoke_calendar_feed-401 = non connecté
api-response-revoke_calendar_feed-403 = jeton CSRF manquant
