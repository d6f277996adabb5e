//! footcite: find the footnotes of a paper's extracted text, parse every
//! citation into a CSL-shaped record, resolve Ibid. and short forms to their
//! works, export biblatex/CSL-JSON/LaTeX, and check the citations.
//!
//! The modules follow the flow of data:
//! [`source`] (text and positions) → [`layout`] (pages, body, footnotes,
//! markers) → [`cite`] (nom grammars) → [`model`] (records) → [`resolve`]
//! (works) → [`export`] and [`check`].

pub mod batch;
pub mod check;
pub mod cite;
pub mod diag;
pub mod export;
pub mod extract;
pub mod hashed;
pub mod input;
pub mod io;
pub mod job;
pub mod keys;
pub mod layout;
pub mod model;
pub mod resolve;
pub mod review;
pub mod source;
pub mod text;
pub mod threads;

pub use extract::{extract, ExtractError, Extraction};
