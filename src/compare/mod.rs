//! Comparing versions of a plan: the changes between two versions by item and
//! field (`diff`), taking changes into a plan (`apply`), three-way merge of copies
//! returned by sections (`merge`), and saying it all in words (`report`). Items
//! are matched by their identity, so moves are moves.

mod align;
mod apply;
mod diff;
mod entries;
mod merge;
mod order;
pub mod report;
pub mod sheet;
pub mod slots;

pub use align::align;
pub use apply::{apply, apply_all};
pub use diff::{Change, Place, Subtree, diff};
pub use merge::{Conflict, Merge, Side};
