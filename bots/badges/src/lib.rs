//! Open Badges documents and signatures (being written).
