//! Who a broadcast or a meeting reaches: people chosen by association, role and city, and group
//! chats told in the chat itself.

use crate::association::AssociationId;
use crate::group::GroupChatId;
use crate::role::Role;
use serde::{Deserialize, Serialize};

/// Who receives a broadcast or a meeting's invitation: members of the listed associations (all associations when none),
/// holding `role` there when given, in associations of `city` when given. A meeting may also
/// invite group chats; an audience that names groups and nothing else invites only them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    pub associations: Vec<AssociationId>,
    pub role: Option<Role>,
    pub city: Option<String>,
    /// Group chats told in the chat itself (audiences stored before groups read as none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupChatId>,
}

impl Audience {
    /// Whether people are invited one by one (not only group chats).
    pub fn names_people(&self) -> bool {
        self.groups.is_empty() || !self.associations.is_empty() || self.role.is_some() || self.city.is_some()
    }
}
