//! What the window draws besides the forms (which are in `ui`): the menu bar,
//! the warnings and the outline (`view`), the status bar (`bars`), the
//! 検索と置換 bar (`find`), which panels fit the window (`room`), the 比較 and
//! 取り込み panel (`review`), and 振り返りの記入状況 (`progress`).

mod bars;
pub mod find;
pub mod progress;
pub mod review;
pub(in crate::app) mod room;
pub(in crate::app) mod view;
