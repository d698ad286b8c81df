# Privacy: download my data, delete my account.
api-op-export_my_data = Download everything stored about you: a ZIP with data.json (your account, profile, applications with their choices and timeline, and your documents’ details) and the documents themselves.
api-op-delete_my_account = Delete your account and everything about you: profile, applications, documents and their files, e-mails (needs X-CSRF-Token). Only anonymous counts remain. You are signed out.
api-response-export_my_data-200 = the ZIP archive, as an attachment
api-response-export_my_data-401 = not signed in
api-response-delete_my_account-204 = deleted and signed out
api-response-delete_my_account-401 = not signed in
api-response-delete_my_account-403 = CSRF token missing or wrong
