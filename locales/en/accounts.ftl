# Accounts: registration, verification, login, password reset.
account-email-empty = Please give your e-mail address.
account-email-too-long = This e-mail address is too long.
account-email-malformed = This does not look like an e-mail address (name@example.org).
account-password-too-short = Your password needs at least 12 characters.
account-password-too-long = Your password is too long (at most 256 characters).
account-password-too-common = This password is among the most common ones: please choose another.
account-password-contains-email = Your password must not contain your e-mail address.
mail-verify-subject = Confirm your e-mail address
mail-verify-body = Hello,

    You (or someone using your address) created an account for the internship programme.
    To confirm your address, open this link within 48 hours:

    { $link }

    If it was not you, ignore this message: no account will be usable without this confirmation.
mail-exists-subject = Someone tried to create an account with your address
mail-exists-body = Hello,

    Someone (perhaps you) tried to create an account for the internship programme with this address, which already has one.
    If it was you, sign in, or choose a new password here:

    { $link }

    If it was not you, you can ignore this message.
mail-reset-subject = Choose a new password
mail-reset-body = Hello,

    To choose a new password for your internship programme account, open this link within one hour:

    { $link }

    If you did not ask for it, ignore this message: your password stays as it is.
api-op-register = Create an account and receive a confirmation link by e-mail. The answer is the same whether or not the address already has an account.
api-op-verify = Confirm an e-mail address with the token from the link.
api-op-login = Sign in: sets the session cookie and returns the CSRF token to send in X-CSRF-Token.
api-op-logout = Sign out (needs X-CSRF-Token).
api-op-request_password_reset = Receive a link to choose a new password.
api-op-reset_password = Choose a new password with the token from the link: signs out every other session, voids the other reset links, forgets the failed sign-ins and signs you in.
api-response-register-202 = check your e-mail
api-response-register-400 = not the expected JSON
api-response-register-422 = a field is refused; the error names it
api-response-register-429 = too many registrations from this client address: wait the Retry-After seconds
api-response-register-503 = too many passwords being hashed: try again after Retry-After seconds
api-response-verify-200 = address confirmed
api-response-verify-400 = unknown, used or expired link
api-response-login-200 = signed in
api-response-login-400 = not the expected JSON
api-response-login-401 = wrong address or password
api-response-login-403 = address not confirmed yet
api-response-login-429 = too many failed attempts for this account or from this client address: wait the Retry-After seconds, or reset the password
api-response-login-503 = too many passwords being checked: try again after Retry-After seconds
api-response-logout-204 = signed out
api-response-logout-401 = not signed in
api-response-logout-403 = CSRF token missing or wrong
api-response-request_password_reset-202 = check your e-mail
api-response-request_password_reset-400 = not the expected JSON
api-response-request_password_reset-429 = too many reset requests from this client address: wait the Retry-After seconds
api-response-reset_password-200 = password changed, and signed in
api-response-reset_password-400 = unknown, used or expired link
api-response-reset_password-422 = the new password is refused
api-response-reset_password-503 = too many passwords being hashed: try again after Retry-After seconds
api-op-me = The signed-in account, with the session’s CSRF token.
api-response-me-200 = the signed-in account
api-response-me-401 = not signed in

reset-request-title = Forgot your password?
reset-request-intro = Give the address of your account: we will e-mail you a link to choose a new password.
reset-request-button = Send the link
reset-sent-body = If an account uses this address, a link to choose a new password is on its way. It is valid for one hour and works once.
reset-new-title = Choose a new password
reset-new-intro = The link is valid for one hour and works once. Choosing a new password signs your account out everywhere.
reset-new-button = Save the new password
reset-new-password = New password
reset-done-title = Your password is changed
reset-done-body = You are signed in. From now on, sign in with your new password.
reset-done-continue = Continue
reset-forgot-link = Forgot your password?
cross-site-title = This form came from another site
cross-site-body = For your security, we accept sign-in, registration and password forms only when they are sent from this site’s own pages. Open the form here and send it again.
cross-site-again = Open the form on this site
