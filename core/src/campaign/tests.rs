use super::*;
use crate::person::PersonId;
use chrono::TimeZone;

fn vote(options: Vec<VoteOption>, electorate: usize, quorum: u8, majority: Majority) -> Vote {
    Vote {
        id: VoteId(1),
        campaign: CampaignId(1),
        question: Written::french("?"),
        options,
        deadline: Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap(),
        zone: chrono_tz::Africa::Casablanca,
        quorum: Quorum(quorum),
        majority,
        secret: false,
        close_when_all_voted: false,
        results_shown: false,
        groups: Vec::new(),
        electorate: (1..=electorate as i64).map(AssociationId).collect(),
        opened_by: None,
        opened_at: Utc.with_ymd_and_hms(2027, 2, 1, 12, 0, 0).unwrap(),
        closed_at: None,
    }
}

fn count(counts: &[u64]) -> Count {
    let voted = counts.iter().sum::<u64>() as i64;
    Count {
        counts: counts.to_vec(),
        voted: (1..=voted).map(AssociationId).collect(),
        ..Count::default()
    }
}

#[test]
fn the_majority_is_taken_among_votes_for_an_option_and_abstentions_count_for_the_quorum() {
    let v = vote(VoteOption::standard(), 10, 50, Majority::Simple);
    // 3 for, 2 against, 4 abstain: 9 of 10 voted; 3 of 5 cast is more than half.
    let d = decide(&v, &count(&[3, 2, 4]));
    assert!(d.quorum_met);
    assert_eq!(d.outcome, Outcome::Adopted { option: 0 });
    // Abstentions alone meet the quorum but adopt nothing.
    let d = decide(&v, &count(&[0, 0, 6]));
    assert!(d.quorum_met);
    assert_eq!(d.outcome, Outcome::NoMajority);
    // 4 of 10 voted: no quorum at 50 %.
    let d = decide(&v, &count(&[4, 0, 0]));
    assert!(!d.quorum_met);
    assert_eq!(d.outcome, Outcome::NoQuorum);
    assert_eq!(decide(&v, &count(&[0, 0, 0])).outcome, Outcome::NoVotes);
}

#[test]
fn ties_are_ties_and_two_thirds_means_two_thirds() {
    let v = vote(VoteOption::standard(), 6, 50, Majority::Simple);
    assert_eq!(
        decide(&v, &count(&[2, 2, 1])).outcome,
        Outcome::Tie { options: vec![0, 1] }
    );
    let v = vote(VoteOption::standard(), 9, 0, Majority::TwoThirds);
    assert_eq!(decide(&v, &count(&[6, 3, 0])).outcome, Outcome::Adopted { option: 0 });
    assert_eq!(decide(&v, &count(&[5, 3, 1])).outcome, Outcome::NoMajority);
    // Own options: a plurality short of the majority adopts nothing.
    let own = VoteOption::own(vec![Written::french("a"), Written::french("b"), Written::french("c")]).unwrap();
    assert_eq!(own.len(), 4, "abstaining is added");
    let v = vote(own, 10, 50, Majority::Simple);
    assert_eq!(decide(&v, &count(&[4, 3, 3, 0])).outcome, Outcome::NoMajority);
    assert_eq!(
        decide(&v, &count(&[6, 3, 1, 0])).outcome,
        Outcome::Adopted { option: 0 }
    );
}

#[test]
fn quorums_and_majorities_read_as_people_write_them() {
    assert_eq!("50%".parse::<Quorum>(), Ok(Quorum(50)));
    assert_eq!(" 33 ".parse::<Quorum>(), Ok(Quorum(33)));
    assert_eq!("0.5".parse::<Quorum>(), Ok(Quorum(50)));
    for bad in ["", "101%", "-1", "abc", "12.5%", "NaN"] {
        assert!(bad.parse::<Quorum>().is_err(), "{bad}");
    }
    assert!(Quorum(50).met(5, 10));
    assert!(!Quorum(50).met(4, 9));
    assert!(Quorum(0).met(0, 0));
    assert_eq!("two-thirds".parse::<Majority>(), Ok(Majority::TwoThirds));
    assert!(VoteOption::own(vec![Written::french("a")]).is_none());
    assert!(VoteOption::own(vec![Written::french("a"); 11]).is_none());
}

#[test]
fn receipts_read_back_and_show_with_a_dash() {
    let receipt = Receipt::generate();
    assert_eq!(Receipt::from_stored(receipt.as_str()), Some(receipt.clone()));
    assert_eq!(receipt.to_string().len(), 11);
    assert_ne!(Receipt::generate(), Receipt::generate());
    assert_eq!(Receipt::from_stored("ABCDE"), None);
    assert_eq!(Receipt::from_stored("abcdeabcde"), None);
}

#[test]
fn delegates_named_replace_managers_and_words_fall_back() {
    let (a, b, c) = (PersonId(1), PersonId(2), PersonId(3));
    assert!(may_vote_for(a, &[], &[a, b]));
    assert!(!may_vote_for(a, &[c], &[a, b]));
    assert!(may_vote_for(c, &[c], &[a, b]));
    let words = Written {
        fr: "fr".into(),
        ar: Some("ar".into()),
        ary: None,
    };
    assert_eq!(words.in_language(crate::language::Language::Ary), "ar");
    assert_eq!(
        words.language_for(crate::language::Language::Ary),
        crate::language::Language::Ar
    );
    assert_eq!(Written::read("  ", None, None, false, 10), Err(WrittenError::Empty));
    assert_eq!(
        Written::read("a", Some(" "), Some("b"), false, 10),
        Ok(Written {
            fr: "a".into(),
            ar: None,
            ary: Some("b".into())
        })
    );
    assert_eq!(
        Written::read(&"x".repeat(11), None, None, false, 10),
        Err(WrittenError::TooLong { max: 10 })
    );
    assert_eq!(read_link("https://example.org/a"), Some("https://example.org/a".into()));
    assert_eq!(read_link("javascript:alert(1)"), None);
}
