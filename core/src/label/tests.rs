use super::*;
use crate::certificate::{CertificateCode, CertificateId, IssuedBy};
use crate::content::Translations;
use chrono::{Duration, TimeZone};

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).single().expect("valid time")
}

fn now() -> DateTime<Utc> {
    at(2026, 12, 2)
}

fn rules() -> LabelRules {
    let criterion = |id: &str, rule| LabelCriterion { id: id.into(), rule };
    LabelRules {
        valid_months: 12,
        window_months: 12,
        criteria: vec![
            criterion(
                "managers-certified",
                CriterionRule::ManagersCertified {
                    track: "manager".into(),
                    at_least: 2,
                },
            ),
            criterion(
                "volunteers-certified",
                CriterionRule::ActiveVolunteersCertified {
                    track: "volunteer".into(),
                    percent: 50,
                },
            ),
            criterion(
                "first-aid",
                CriterionRule::MembersCertified {
                    track: "first-aid".into(),
                    at_least: 1,
                },
            ),
            criterion("charter", CriterionRule::CharterAdopted),
            criterion("meetings", CriterionRule::MeetingsAttended { at_least: 2 }),
        ],
        charter: Charter {
            version: "v2".into(),
            texts: Translations {
                by_language: BTreeMap::new(),
            },
        },
    }
}

fn member(person: i64, role: Role) -> Member {
    Member {
        person: PersonId(person),
        role,
    }
}

fn certificate(person: i64, track: &str, valid_until: DateTime<Utc>) -> Certificate {
    Certificate {
        id: CertificateId(person * 100),
        code: CertificateCode::generate(),
        person: PersonId(person),
        track: track.into(),
        holder_name: None,
        association: None,
        issued_by: IssuedBy::Hand,
        issued_at: at(2026, 1, 1),
        renewed_at: None,
        valid_until: Some(valid_until),
        revoked_at: None,
        revoked_reason: None,
        status_index: person,
    }
}

fn attended(person: i64, meeting: i64, starts_at: DateTime<Utc>, associations: &[i64]) -> Attended {
    Attended {
        person: PersonId(person),
        meeting: MeetingId(meeting),
        occurrence: starts_at.format("%Y-%m-%dT%H:%M").to_string(),
        starts_at,
        audience: Audience {
            associations: associations.iter().map(|&id| AssociationId(id)).collect(),
            ..Audience::default()
        },
    }
}

fn adoption(version: &str) -> CharterAdoption {
    CharterAdoption {
        association: AssociationId(1),
        person: Some(PersonId(1)),
        adopted_by: "Fatima".into(),
        version: version.into(),
        adopted_at: at(2026, 11, 1),
    }
}

/// Two certified managers (1, 2), volunteers 3 (active, certified, first aid), 4 (active) and 5
/// (inactive), the charter adopted, two inter-association meetings: everything holds.
fn deserving() -> LabelEvidence {
    let later = at(2028, 1, 1);
    LabelEvidence {
        members: vec![
            member(1, Role::Manager),
            member(2, Role::Manager),
            member(3, Role::Volunteer),
            member(4, Role::Volunteer),
            member(5, Role::Volunteer),
        ],
        certificates: vec![
            certificate(1, "manager", later),
            certificate(2, "manager", later),
            certificate(3, "volunteer", later),
            certificate(3, "first-aid", later),
        ],
        last_answers: BTreeMap::from([(PersonId(3), at(2026, 11, 30)), (PersonId(5), at(2025, 11, 30))]),
        attended: vec![
            attended(4, 7, at(2026, 6, 1), &[]),
            attended(1, 8, at(2026, 9, 1), &[1, 2]),
        ],
        adoptions: vec![adoption("v2")],
    }
}

fn check<'c>(list: &'c Checklist, id: &str) -> &'c CriterionCheck {
    list.criteria.iter().find(|c| c.id == id).expect("criterion")
}

#[test]
fn an_association_that_does_everything_meets_every_criterion() {
    let list = checklist(&rules(), &deserving(), now());
    assert!(list.all_met(), "{list:#?}");
    let volunteers = check(&list, "volunteers-certified");
    assert_eq!(
        (volunteers.actual, volunteers.needed, volunteers.out_of),
        (1, 1, Some(2))
    );
    assert_eq!(check(&list, "meetings").actual, 2);
    assert_eq!(list.adoption, Some(adoption("v2")));
    assert!(list.unmet().is_empty());
}

#[test]
fn active_volunteers_answered_or_attended_in_the_window() {
    let evidence = deserving();
    let since = window_start(12, now());
    let active = active_volunteers(&evidence, since, now());
    assert_eq!(active, BTreeSet::from([PersonId(3), PersonId(4)]));
    // A manager's activity does not make them an active volunteer; an answer after `now` (a
    // clock moved back) does not count.
    let mut evidence = deserving();
    evidence.last_answers.insert(PersonId(1), at(2026, 11, 30));
    evidence.last_answers.insert(PersonId(5), at(2027, 1, 1));
    assert_eq!(active_volunteers(&evidence, since, now()), active);
}

#[test]
fn half_of_the_active_volunteers_is_rounded_up_and_none_active_is_not_met() {
    let mut evidence = deserving();
    evidence.last_answers.insert(PersonId(5), at(2026, 11, 30));
    let list = checklist(&rules(), &evidence, now());
    let volunteers = check(&list, "volunteers-certified");
    assert_eq!(
        (volunteers.actual, volunteers.needed, volunteers.out_of),
        (1, 2, Some(3))
    );
    assert!(!volunteers.met);

    let mut evidence = deserving();
    evidence.last_answers.clear();
    evidence.attended.retain(|a| a.person != PersonId(4));
    let list = checklist(&rules(), &evidence, now());
    let volunteers = check(&list, "volunteers-certified");
    assert_eq!(
        (volunteers.actual, volunteers.needed, volunteers.out_of),
        (0, 1, Some(0))
    );
    assert!(!volunteers.met);
}

#[test]
fn expired_revoked_or_other_peoples_certificates_do_not_count() {
    let mut evidence = deserving();
    evidence.certificates[1].valid_until = Some(now() - Duration::days(1));
    assert!(!check(&checklist(&rules(), &evidence, now()), "managers-certified").met);

    let mut evidence = deserving();
    evidence.certificates[0].revoked_at = Some(now() - Duration::hours(1));
    assert_eq!(
        check(&checklist(&rules(), &evidence, now()), "managers-certified").actual,
        1
    );

    // A manager certificate held by a volunteer is no manager's.
    let mut evidence = deserving();
    evidence.members[1].role = Role::Volunteer;
    assert_eq!(
        check(&checklist(&rules(), &evidence, now()), "managers-certified").actual,
        1
    );

    // Expiring soon still counts.
    let mut evidence = deserving();
    evidence.certificates[3].valid_until = Some(now() + Duration::days(3));
    assert!(check(&checklist(&rules(), &evidence, now()), "first-aid").met);
}

#[test]
fn only_inter_association_meetings_in_the_window_count_once_each() {
    let mut evidence = deserving();
    evidence.attended = vec![
        attended(1, 8, at(2026, 9, 1), &[1, 2]),
        attended(2, 8, at(2026, 9, 1), &[1, 2]),
        attended(3, 9, at(2026, 10, 1), &[1]),
        attended(3, 10, at(2025, 10, 1), &[]),
    ];
    let list = checklist(&rules(), &evidence, now());
    assert_eq!(check(&list, "meetings").actual, 1);
    assert!(is_inter_association(&Audience::default()));
    assert!(!is_inter_association(&Audience {
        associations: vec![AssociationId(1)],
        ..Audience::default()
    }));
}

#[test]
fn an_older_version_of_the_charter_is_not_this_one() {
    let mut evidence = deserving();
    evidence.adoptions = vec![adoption("v1")];
    let list = checklist(&rules(), &evidence, now());
    assert!(!check(&list, "charter").met);
    assert_eq!(list.adoption, None);
    assert_eq!(
        list.unmet(),
        vec![UnmetCriterion {
            id: "charter".into(),
            actual: 0,
            needed: 1,
            out_of: None,
        }]
    );
}

fn grant(valid_until: DateTime<Utc>, lost_at: Option<DateTime<Utc>>) -> LabelGrant {
    LabelGrant {
        id: LabelGrantId(4),
        association: AssociationId(1),
        granted_at: at(2025, 12, 2),
        valid_until,
        extended_at: None,
        lost_at,
        lost_criteria: Vec::new(),
    }
}

#[test]
fn the_label_is_granted_extended_by_whole_periods_and_lost() {
    let rules = rules();
    let state = |evidence: &LabelEvidence, grant| LabelState::new(AssociationId(1), &rules, evidence, grant, now());
    let good = deserving();
    let mut bad = deserving();
    bad.adoptions.clear();

    assert_eq!(
        settle(&rules, &state(&good, None), now()),
        Some(Settlement::Grant {
            valid_until: at(2027, 12, 2)
        })
    );
    assert_eq!(settle(&rules, &state(&bad, None), now()), None);
    // Lost before: granted anew.
    assert!(matches!(
        settle(
            &rules,
            &state(&good, Some(grant(at(2027, 1, 1), Some(at(2026, 5, 1))))),
            now()
        ),
        Some(Settlement::Grant { .. })
    ));
    // Live and holding: nothing until its end, then extended from its end.
    assert_eq!(
        settle(&rules, &state(&good, Some(grant(at(2026, 12, 3), None))), now()),
        None
    );
    assert_eq!(
        settle(&rules, &state(&good, Some(grant(at(2026, 12, 2), None))), now()),
        Some(Settlement::Extend {
            grant: LabelGrantId(4),
            valid_until: at(2027, 12, 2)
        })
    );
    assert_eq!(
        settle(&rules, &state(&good, Some(grant(at(2024, 12, 2), None))), now()),
        Some(Settlement::Extend {
            grant: LabelGrantId(4),
            valid_until: at(2027, 12, 2)
        }),
        "from its end, by as many periods as it takes"
    );
    // Live and no longer holding: lost, with what stopped holding.
    assert_eq!(
        settle(&rules, &state(&bad, Some(grant(at(2027, 1, 1), None))), now()),
        Some(Settlement::Lose {
            grant: LabelGrantId(4),
            criteria: vec![UnmetCriterion {
                id: "charter".into(),
                actual: 0,
                needed: 1,
                out_of: None,
            }]
        })
    );
}

#[test]
fn the_status_says_granted_expired_lost_or_never() {
    assert_eq!(LabelStatus::of(None, now()), LabelStatus::None);
    let live = grant(at(2027, 1, 1), None);
    assert_eq!(
        LabelStatus::of(Some(&live), now()),
        LabelStatus::Granted {
            since: at(2025, 12, 2),
            until: at(2027, 1, 1)
        }
    );
    assert!(LabelStatus::of(Some(&live), now()).granted());
    assert!(matches!(
        LabelStatus::of(Some(&grant(now(), None)), now()),
        LabelStatus::Expired { .. }
    ));
    assert!(matches!(
        LabelStatus::of(Some(&grant(at(2027, 1, 1), Some(now()))), now()),
        LabelStatus::Lost { .. }
    ));
    let rules = rules();
    let state = LabelState::new(AssociationId(1), &rules, &deserving(), Some(live), now());
    assert_eq!(state.granted_at(), Some(at(2025, 12, 2)));
    assert_eq!(state.valid_until(), Some(at(2027, 1, 1)));
}

#[test]
fn no_criterion_is_never_all_met() {
    let mut rules = rules();
    rules.criteria.clear();
    assert!(!checklist(&rules, &deserving(), now()).all_met());
}
