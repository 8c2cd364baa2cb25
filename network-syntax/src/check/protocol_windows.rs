//! A recorder's window set between runs (`set spikes.stop = 200 ms;`, NEST's
//! `rec.set(stop=..)`): NEST's checks of the value, with the recorder's window as the
//! protocol has left it.

use super::Ctx;
use crate::ast::Expr;
use crate::description::RecorderDesc;
use crate::units::Dim;
use std::collections::HashMap;

/// Each recorder's `(start, stop)` (ms, stop infinite when open) as the protocol's
/// statements so far leave it, by wiring index; a recorder not yet set has the window
/// it was declared with.
#[derive(Default)]
pub(super) struct Windows(HashMap<usize, (f64, f64)>);

impl Windows {
    /// `set NAME.PARAM = VALUE` on recorder `r` (wiring entry `index`): the value in ms.
    /// Why: NEST's `SetStatus` refuses a time off the grid or negative, and a `stop`
    /// before `start`; the run would fail there.
    pub(super) fn set(
        &mut self,
        cx: &mut Ctx,
        index: usize,
        r: &RecorderDesc,
        param: &'static str,
        value: &Expr,
    ) -> Option<f64> {
        let v = cx.number(value, Dim::Time, param)?;
        let res = network_spec::Resolution::new(cx.resolution).ok()?;
        if res.grid_steps(&r.name, param, v).is_err() {
            let (message, help) = if v < 0.0 {
                (
                    format!("`{}.{param}` = {v} ms is negative", r.name),
                    "NEST rejects negative device times: use a time >= 0 ms".to_string(),
                )
            } else {
                (
                    format!("`{}.{param}` = {v} ms is not on the time grid", r.name),
                    format!("use a multiple of the resolution ({} ms)", cx.resolution),
                )
            };
            cx.error(value.span(), message, help);
            return None;
        }
        let declared = (r.window.0, r.window.1.unwrap_or(f64::INFINITY));
        let window = self.0.entry(index).or_insert(declared);
        let (start, stop) = match param {
            "start" => (v, window.1),
            "stop" => (window.0, v),
            _ => *window,
        };
        if stop < start {
            let (message, help) = if param == "start" {
                (
                    format!(
                        "`{}.start` = {start} ms is after its `stop` ({stop} ms)",
                        r.name
                    ),
                    format!(
                        "NEST requires start <= stop: set `{}.stop` to {start} ms or later first",
                        r.name
                    ),
                )
            } else {
                (
                    format!(
                        "`{}.stop` = {stop} ms is before its `start` ({start} ms)",
                        r.name
                    ),
                    format!(
                        "NEST requires start <= stop: use a `stop` of {start} ms or later, or set `{}.start` first",
                        r.name
                    ),
                )
            };
            cx.error(value.span(), message, help);
            return None;
        }
        *window = (start, stop);
        Some(v)
    }
}
