//! Certificate pictures (being written).
