//! Who does what. A candidate applies; the internship office's coordinators run the whole
//! programme; reviewers work for one or more host units and see only the applications that
//! chose them; administrators manage staff accounts and the audit log — and, by design, do
//! not read applications (separation of duties: whoever can edit the log's readers cannot
//! read the files). Supervisors guide interns during their internship and evaluate them;
//! they see their own interns and nothing else.

/// An account's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Applies for internships.
    Candidate,
    /// Reviews and ranks the applications that chose their units.
    Reviewer,
    /// Runs the programme: sessions, screening, reports, allocation.
    Coordinator,
    /// Manages staff accounts and the audit log.
    Administrator,
    /// Supervises interns during their internship and evaluates them (their own only).
    Supervisor,
}

/// Something a role may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the back office at all.
    UseBackOffice,
    /// List, filter, export and decide on every application of a session; reports.
    ScreenApplications,
    /// Score and rank the applications that chose one of the reviewer's units.
    ReviewApplications,
    /// Create and edit sessions and placements.
    ManageSessions,
    /// Invite reviewers.
    InviteReviewers,
    /// Invite coordinators and administrators too.
    InviteAnyStaff,
    /// Browse and export the audit log.
    BrowseAudit,
    /// See and evaluate the interns one supervises (the intern scope is checked apart).
    SuperviseInterns,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [
        Role::Candidate,
        Role::Reviewer,
        Role::Coordinator,
        Role::Administrator,
        Role::Supervisor,
    ];

    /// Staff roles (everyone but candidates).
    pub const STAFF: [Role; 4] = [
        Role::Reviewer,
        Role::Coordinator,
        Role::Administrator,
        Role::Supervisor,
    ];

    /// The stored name: `candidate`, `reviewer`, `coordinator`, `administrator`,
    /// `supervisor`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Candidate => "candidate",
            Role::Reviewer => "reviewer",
            Role::Coordinator => "coordinator",
            Role::Administrator => "administrator",
            Role::Supervisor => "supervisor",
        }
    }

    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether this role may do `permission` (a reviewer's unit scope is checked apart).
    pub fn may(self, permission: Permission) -> bool {
        use Permission as P;
        match self {
            Role::Candidate => false,
            Role::Reviewer => matches!(permission, P::UseBackOffice | P::ReviewApplications),
            Role::Coordinator => matches!(
                permission,
                P::UseBackOffice | P::ScreenApplications | P::ManageSessions | P::InviteReviewers
            ),
            Role::Administrator => matches!(
                permission,
                P::UseBackOffice | P::InviteReviewers | P::InviteAnyStaff | P::BrowseAudit
            ),
            Role::Supervisor => matches!(permission, P::UseBackOffice | P::SuperviseInterns),
        }
    }

    /// Whether this role may invite someone as `invited`.
    pub fn may_invite(self, invited: Role) -> bool {
        match invited {
            Role::Candidate => false,
            // supervisors are invited like reviewers: by the office or an administrator
            Role::Reviewer | Role::Supervisor => self.may(Permission::InviteReviewers),
            Role::Coordinator | Role::Administrator => self.may(Permission::InviteAnyStaff),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn the_matrix_of_roles_and_permissions() {
        use Permission as P;
        let permissions = [
            P::UseBackOffice,
            P::ScreenApplications,
            P::ReviewApplications,
            P::ManageSessions,
            P::InviteReviewers,
            P::InviteAnyStaff,
            P::BrowseAudit,
            P::SuperviseInterns,
        ];
        // rows: candidate, reviewer, coordinator, administrator, supervisor
        let expected = [
            [false, false, false, false, false, false, false, false],
            [true, false, true, false, false, false, false, false],
            [true, true, false, true, true, false, false, false],
            [true, false, false, false, true, true, true, false],
            [true, false, false, false, false, false, false, true],
        ];
        for (role, row) in Role::ALL.into_iter().zip(expected) {
            for (permission, allowed) in permissions.into_iter().zip(row) {
                assert_eq!(role.may(permission), allowed, "{role:?} {permission:?}");
            }
        }
    }

    #[test]
    fn who_may_invite_whom() {
        assert!(Role::Coordinator.may_invite(Role::Reviewer));
        assert!(!Role::Coordinator.may_invite(Role::Coordinator));
        assert!(!Role::Coordinator.may_invite(Role::Administrator));
        assert!(Role::Administrator.may_invite(Role::Coordinator));
        assert!(!Role::Reviewer.may_invite(Role::Reviewer));
        assert!(Role::Coordinator.may_invite(Role::Supervisor));
        assert!(Role::Administrator.may_invite(Role::Supervisor));
        assert!(!Role::Supervisor.may_invite(Role::Supervisor));
        assert!(!Role::Supervisor.may_invite(Role::Reviewer));
        for role in Role::ALL {
            assert!(!role.may_invite(Role::Candidate), "{role:?}");
        }
    }
}
