//! Where a person is in learning, and what their choices there do: the learning arms of the
//! conversation's `Step` and `Action`, stored with it (the tags are the stored form).

use crate::content::QuestionKey;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum LearnStep {
    /// Reading a lesson; `part` (from 0) is the part shown last.
    Reading {
        toolbox: String,
        lesson: String,
        part: usize,
    },
    /// Answering a lesson's quiz: `question` (from 0) is the one asked, `right` counts the
    /// right answers so far.
    Quiz {
        toolbox: String,
        lesson: String,
        question: usize,
        right: u32,
    },
    /// Reviewing due questions: `queue[0]` is the one asked.
    Review {
        queue: Vec<QuestionKey>,
        asked: u32,
        right: u32,
        /// The certificate (its id) this round is the refresher of, if it is one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        refresher: Option<i64>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum LearnAction {
    /// Show the toolboxes of the person's track.
    Toolboxes,
    OpenToolbox {
        toolbox: String,
    },
    /// Start (or read again) a lesson from its first part.
    OpenLesson {
        toolbox: String,
        lesson: String,
    },
    /// The next part of the lesson being read.
    NextPart,
    /// The quiz of a lesson, from its first question.
    StartQuiz {
        toolbox: String,
        lesson: String,
    },
    /// Answer the question being asked with these options (from 0).
    Answer {
        options: Vec<usize>,
    },
    /// Show again where the person left off.
    Resume,
    /// Review the questions that are due.
    Review,
}
