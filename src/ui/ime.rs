//! Japanese input methods: what is being composed, and where the candidate window
//! stands while it is.
//!
//! An input method sends the reading as it is typed (a pre-edit text, shown
//! underlined in the field) and then commits the converted text. The forms keep a
//! composition out of the plan until its commit ([`super::widgets`]); this module
//! says when a composition is going on, and holds the candidate window still
//! while it is, for the reason under [`hold_candidate_window`].

/// Whether an input method is composing after `events`, given whether it was
/// before: a non-empty pre-edit text starts or goes on with a composition, an
/// empty one or a commit ends it. A lone line end is ignored, as egui's text
/// edit ignores it.
pub fn composing_after(events: &[egui::Event], mut composing: bool) -> bool {
    for event in events {
        let egui::Event::Ime(ime) = event else {
            continue;
        };
        match ime {
            egui::ImeEvent::Preedit { text, .. } | egui::ImeEvent::Commit(text)
                if text == "\n" || text == "\r" => {}
            egui::ImeEvent::Preedit { text, .. } => composing = !text.is_empty(),
            egui::ImeEvent::Commit(_) => composing = false,
            _ => {}
        }
    }
    composing
}

/// Where the candidate window was asked to stand, and whether a composition is on.
#[derive(Clone, Copy, Default)]
struct Spot {
    composing: bool,
    /// The text cursor sent to the input method in the frame before.
    last: Option<egui::Rect>,
}

/// Keeps the place told to the input method (under which it opens its candidate
/// window) where the composition began, for as long as it goes on — as the
/// Windows and macOS input methods place it, under the start of the reading.
///
/// This is also what keeps the last kana on screen under X11 (XIM, fcitx5 and
/// Mozc on Linux): every move of that place is a round trip to the input method
/// (`XSetICValues`), and libX11 queues a pre-edit update that arrives during one
/// until the next update comes — which, for the last key typed, is never. A
/// place that moves with every kana lost the last one of 「くうんえいほうしん」
/// typed at any speed (the field showed 「…しｎ」); one that stays still while
/// the composition goes on sends no round trip to lose it in.
///
/// Call once a frame, after every field has been drawn.
pub fn hold_candidate_window(ctx: &egui::Context) {
    let id = egui::Id::unique("ward-plan input method spot");
    let mut spot = ctx.data(|d| d.get_temp::<Spot>(id)).unwrap_or_default();
    let composing = ctx.input(|i| composing_after(&i.events, spot.composing));
    ctx.output_mut(|o| match &mut o.ime {
        Some(ime) => {
            let cursor = match spot.last {
                Some(held) if composing => held,
                _ => ime.cursor_rect,
            };
            spot.last = Some(cursor);
            spot.composing = composing;
            ime.cursor_rect = below_for_xim(cursor);
        }
        None => spot = Spot::default(),
    });
    ctx.data_mut(|d| d.insert_temp(id, spot));
}

/// The text cursor as X11's input methods want it. XIM takes one point, the
/// spot, which its specification puts on the text's baseline, and fcitx5 opens
/// the candidate window just under it; egui-winit hands over the cursor's top, so
/// the window covered the lower part of the reading. The cursor's bottom is the
/// spot. Windows, macOS and Wayland take the whole rectangle and place their
/// windows beside it themselves.
fn below_for_xim(cursor: egui::Rect) -> egui::Rect {
    let x11 = cfg!(target_os = "linux") && std::env::var_os("WAYLAND_DISPLAY").is_none();
    if x11 {
        cursor.translate(egui::vec2(0.0, cursor.height()))
    } else {
        cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preedit(text: &str) -> egui::Event {
        egui::Event::Ime(egui::ImeEvent::Preedit {
            text: text.to_owned(),
            active_range_chars: None,
        })
    }

    #[test]
    fn a_composition_runs_from_its_first_kana_to_its_commit_or_cancel() {
        let commit = egui::Event::Ime(egui::ImeEvent::Commit("区".to_owned()));
        assert!(composing_after(&[preedit("く")], false));
        assert!(composing_after(&[], true));
        assert!(!composing_after(&[preedit("く"), commit], false));
        assert!(!composing_after(&[preedit("")], true), "Esc empties it");
        assert!(
            composing_after(&[preedit("\n")], true),
            "a line end is not an end"
        );
        assert!(!composing_after(&[preedit("")], false));
    }
}
