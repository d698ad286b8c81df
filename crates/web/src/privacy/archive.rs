//! The export archive: `data.json` and the documents' bytes, zipped.

use cohort_domain::instant::rfc3339;
use cohort_store::{PersonalApplication, PersonalData};
use serde::Serialize;
use std::collections::HashSet;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// What `data.json` holds.
#[derive(Debug, Serialize)]
pub struct DataFile {
    /// When the export was made (RFC 3339, UTC).
    exported_at: String,
    account: AccountData,
    /// The profile as saved, or `null`.
    profile: Option<serde_json::Value>,
    applications: Vec<ApplicationData>,
    /// The person's internships: dates, unit, evaluations once submitted.
    internships: Vec<serde_json::Value>,
}

impl DataFile {
    /// Adds the person's internships (read apart from the store's personal data).
    pub fn set_internships(&mut self, internships: Vec<serde_json::Value>) {
        self.internships = internships;
    }
}

#[derive(Debug, Serialize)]
struct AccountData {
    email: String,
    role: String,
    lang: String,
    created_at: String,
    verified_at: Option<String>,
}

#[derive(Debug, Serialize)]
struct ApplicationData {
    session_id: i64,
    session_code: String,
    status: &'static str,
    choices: Vec<ChoiceData>,
    motivation: String,
    created_at: String,
    updated_at: String,
    submitted_at: Option<String>,
    timeline: Vec<EventData>,
    documents: Vec<DocumentData>,
    /// After an accepted offer.
    checklist: Vec<ItemData>,
    checklist_documents: Vec<ItemDocumentData>,
    testimonial: Option<TestimonialData>,
}

#[derive(Debug, Serialize)]
struct ItemData {
    item: String,
    status: &'static str,
    due: Option<String>,
    updated_at: String,
}

#[derive(Debug, Serialize)]
struct ItemDocumentData {
    item: String,
    file_name: String,
    size: i64,
    sha256: String,
    uploaded_at: String,
    /// Where the file is in this archive.
    path: String,
}

#[derive(Debug, Serialize)]
struct TestimonialData {
    lang: String,
    body: String,
    other: Option<String>,
    status: &'static str,
    edited_by_the_office: bool,
}

#[derive(Debug, Serialize)]
struct ChoiceData {
    rank: usize,
    placement_id: i64,
    title_en: String,
    title_fr: String,
}

#[derive(Debug, Serialize)]
struct EventData {
    at: String,
    kind: String,
    status: &'static str,
}

#[derive(Debug, Serialize)]
struct DocumentData {
    kind: &'static str,
    file_name: String,
    size: i64,
    sha256: String,
    uploaded_at: String,
    /// Where the file is in the archive.
    path: String,
}

/// A stored file to put in the archive.
#[derive(Debug)]
pub struct FileToCopy {
    /// Its name in the archive.
    pub path: String,
    /// Its object key in the object store.
    pub object_key: String,
}

/// A session code as a file name: letters, digits, `-`, `_` and `.` kept, the rest `_`.
fn file_safe(code: &str) -> String {
    let safe: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.trim_matches('.').is_empty() {
        "session".to_owned()
    } else {
        safe
    }
}

/// `data.json`'s content, and the files to copy next to it.
pub fn data_file(data: PersonalData, now: i64) -> (DataFile, Vec<FileToCopy>) {
    let mut files = Vec::new();
    let mut taken = HashSet::new();
    let applications = data
        .applications
        .into_iter()
        .map(|a| application(a, &mut files, &mut taken))
        .collect();
    let profile = data
        .profile
        .map(|text| serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)));
    let file = DataFile {
        exported_at: rfc3339(now),
        account: AccountData {
            email: data.email,
            role: data.role,
            lang: data.lang,
            created_at: rfc3339(data.created_at),
            verified_at: data.verified_at.map(rfc3339),
        },
        profile,
        applications,
        internships: Vec::new(),
    };
    (file, files)
}

fn application(
    a: PersonalApplication,
    files: &mut Vec<FileToCopy>,
    taken: &mut HashSet<String>,
) -> ApplicationData {
    let documents = a
        .documents
        .into_iter()
        .map(|d| {
            let stem = format!("{}-{}", file_safe(&a.session_code), d.kind.as_str());
            // two codes can look alike once made safe; the session id tells them apart
            let mut path = format!("documents/{stem}.pdf");
            if !taken.insert(path.clone()) {
                path = format!("documents/{stem}-{}.pdf", a.session_id.0);
                taken.insert(path.clone());
            }
            files.push(FileToCopy {
                path: path.clone(),
                object_key: d.object_key,
            });
            DocumentData {
                kind: d.kind.as_str(),
                file_name: d.file_name,
                size: d.size,
                sha256: d.sha256,
                uploaded_at: rfc3339(d.uploaded_at),
                path,
            }
        })
        .collect();
    let after = a.after_offer;
    let checklist_documents = after
        .documents
        .into_iter()
        .map(|d| {
            let path = format!(
                "documents/{}-{}-{}.pdf",
                file_safe(&a.session_code),
                a.session_id.0,
                file_safe(&d.item_key)
            );
            files.push(FileToCopy {
                path: path.clone(),
                object_key: d.object_key,
            });
            ItemDocumentData {
                item: d.item_key,
                file_name: d.file_name,
                size: d.size,
                sha256: d.sha256,
                uploaded_at: rfc3339(d.uploaded_at),
                path,
            }
        })
        .collect();
    ApplicationData {
        checklist: after
            .checklist
            .into_iter()
            .map(|i| ItemData {
                item: i.key,
                status: i.status.as_str(),
                due: i.due,
                updated_at: rfc3339(i.updated_at),
            })
            .collect(),
        checklist_documents,
        testimonial: after.testimonial.map(|t| TestimonialData {
            lang: t.lang,
            body: t.body,
            other: t.body_other,
            status: t.status.as_str(),
            edited_by_the_office: t.edited,
        }),
        session_id: a.session_id.0,
        session_code: a.session_code,
        status: a.status.as_str(),
        choices: a
            .choices
            .into_iter()
            .enumerate()
            .map(|(rank, c)| ChoiceData {
                rank: rank + 1,
                placement_id: c.id.0,
                title_en: c.title_en,
                title_fr: c.title_fr,
            })
            .collect(),
        motivation: a.motivation,
        created_at: rfc3339(a.created_at),
        updated_at: rfc3339(a.updated_at),
        submitted_at: a.submitted_at.map(rfc3339),
        timeline: a
            .timeline
            .into_iter()
            .map(|e| EventData {
                at: rfc3339(e.at),
                kind: e.kind,
                status: e.status.as_str(),
            })
            .collect(),
        documents,
    }
}

/// The archive: `data.json` (deflated) first, then each file as stored (PDFs are mostly
/// compressed already).
pub fn zip(data: &DataFile, files: Vec<(String, Vec<u8>)>) -> anyhow::Result<Vec<u8>> {
    let json = serde_json::to_vec_pretty(data)?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("data.json", deflated)?;
    zip.write_all(&json)?;
    for (path, bytes) in files {
        zip.start_file(path, stored)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::file_safe;

    #[test]
    fn session_codes_become_plain_file_names() {
        for (code, name) in [
            ("2026-autumn", "2026-autumn"),
            ("../../etc", ".._.._etc"),
            ("a b/c\\d", "a_b_c_d"),
            ("été", "_t_"),
            ("..", "session"),
            ("", "session"),
        ] {
            assert_eq!(file_safe(code), name, "{code:?}");
        }
    }
}
