//! The application steps of `/my-application`: choices and motivation, documents, submit
//! and withdraw.

// the parent's imports and items: this file is one part of the same page
use super::*;

pub(super) const CHOICE_INPUTS: usize = 3;

pub(super) fn draft_form(row: &ApplicationRow) -> FormData {
    let mut form = FormData::default();
    for (i, id) in row.choices.iter().enumerate() {
        form.push(format!("choices[{i}]"), id.0.to_string());
    }
    form.push("motivation", row.motivation.clone());
    form
}

pub(super) fn choice_fields(
    tr: &Tr<'_>,
    f: &FormData,
    current: &Current,
    catalogue: &cohort_domain::Catalogue,
) -> Vec<Field> {
    let lang = tr.lang;
    let placements: Vec<(String, String)> = current
        .placements
        .iter()
        .map(|p| {
            let unit = catalogue
                .unit(&p.unit)
                .map_or_else(|| p.unit.to_string(), |u| u.name.get(lang).clone());
            (
                p.id.0.to_string(),
                format!("{} — {}", p.title.get(lang), unit),
            )
        })
        .collect();
    let max = usize::from(current.session.max_choices).min(CHOICE_INPUTS);
    (0..max)
        .map(|i| {
            let name = format!("choices[{i}]");
            let mut options = vec![(String::new(), tr.t("candidate-no-choice"))];
            options.extend(placements.iter().cloned());
            Field::new(&name, tr.t1("candidate-choice-n", "n", i + 1), f.get(&name)).select(options)
        })
        .collect()
}

/// `POST /my-application/draft`: ranked choices and motivation.
pub async fn save_draft(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let current = match need_current(&state, tr, &uri, &user).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let mut inputs = Vec::new();
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for i in 0..CHOICE_INPUTS {
        let name = format!("choices[{i}]");
        if let Some(value) = form.opt(&name) {
            match value.trim().parse::<i64>() {
                Ok(id) => {
                    inputs.push(i);
                    ids.push(id);
                }
                Err(_) => errors.push((Some(name), tr.t("application-foreign-choice"))),
            }
        }
    }
    if errors.is_empty() {
        let saved = applying::save_draft(
            &state,
            user.account.id,
            &current.session,
            &ids,
            form.get("motivation"),
        )
        .await;
        match saved {
            Ok(_) => return back("draft"),
            Err(ApiError::Internal) => return forms::internal(&state, tr, &uri),
            Err(error) => {
                let (field, message) = worded(&tr, &error);
                errors.push((field.map(|f| remap(&f, "choices", &inputs)), message));
            }
        }
    }
    let typed = Typed {
        draft: Some(form),
        errors,
        ..Typed::default()
    };
    show(&state, tr, &uri, &user, typed, None).await
}

/// `POST /my-application/documents` (multipart: `csrf_token`, `kind`, `file`).
pub async fn upload_document(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match signed_in(&state, tr, &uri, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Ok(multipart) = multipart else {
        return forms::csrf_refused(&state, tr, &uri);
    };
    let read = upload::read_form(multipart).await;
    let upload = match read {
        Ok((upload, csrf)) if csrf_ok(&user, csrf.as_deref()) => upload,
        Ok(_) => return forms::csrf_refused(&state, tr, &uri),
        Err(error) => {
            // nothing is stored; the error is shown like any other
            let typed = Typed {
                errors: vec![worded(&tr, &error)],
                ..Typed::default()
            };
            return show(&state, tr, &uri, &user, typed, None).await;
        }
    };
    let current = match need_current(&state, tr, &uri, &user).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let kind = upload.kind;
    let result = match &current.row {
        None => Err(ApiError::ApplicationNotFound),
        Some(row) if row.status != ApplicationStatus::Draft => Err(not_draft()),
        Some(row) => store_document(&state, row.id, upload).await.map(|_| ()),
    };
    match result {
        Ok(()) => back("document"),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let (field, message) = worded(&tr, &error);
            let field = field.map(|f| {
                if f == "file" {
                    format!("file-{}", kind.as_str())
                } else {
                    f
                }
            });
            let typed = Typed {
                errors: vec![(field, message)],
                ..Typed::default()
            };
            show(&state, tr, &uri, &user, typed, None).await
        }
    }
}

/// `POST /my-application/submit` and `/withdraw`.
pub(super) async fn change(
    state: AppState,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
    submit: bool,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, _) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let current = match need_current(&state, tr, &uri, &user).await {
        Ok(current) => current,
        Err(response) => return response,
    };
    let account = user.account.id;
    let result = match current.row {
        None => Err(ApiError::ApplicationNotFound),
        Some(row) if submit => {
            applying::submit(&state, visitor, account, &current.session, row).await
        }
        Some(row) => applying::withdraw(&state, &current.session, row).await,
    };
    match result {
        Ok(_) => back(if submit { "submitted" } else { "withdrawn" }),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let typed = Typed {
                errors: vec![worded(&tr, &error)],
                ..Typed::default()
            };
            show(&state, tr, &uri, &user, typed, None).await
        }
    }
}

/// `POST /my-application/submit`.
pub async fn submit(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    change(state, visitor, uri, headers, body, true).await
}

/// `POST /my-application/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    change(state, visitor, uri, headers, body, false).await
}
