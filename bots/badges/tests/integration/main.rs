//! The crate's integration tests, one binary: each module checks one document or mechanism
//! against what its specification requires.

mod award;
mod issuer_key;
mod open_badges_2;
mod open_badges_3;
mod status_list;
mod vc_jwt;
