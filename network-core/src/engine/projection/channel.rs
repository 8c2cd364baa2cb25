//! The ring channel of a synapse's weight as data: the target model's channel rule asked
//! once per weight sign, or a receptor port.

/// The ring channel a synapse's weight goes to, where delivery does not call the target
/// model's rule itself (plastic delivery, and the delivery shared by every model).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Channel {
    /// The target model's choice (`NeuronModel::channel`), which depends on the weight's
    /// sign alone: the channel of a positive, a zero, a negative and a NaN weight.
    BySign {
        positive: usize,
        zero: usize,
        negative: usize,
        nan: usize,
    },
    /// The receptor port the projection names.
    Port(usize),
}

impl Channel {
    /// The target model's channel rule, asked once for each sign instead of once per
    /// synapse (a call through a pointer the delivery loop cannot inline).
    pub(crate) fn by_sign(channel: impl Fn(f64) -> usize) -> Self {
        Channel::BySign {
            positive: channel(1.0),
            zero: channel(0.0),
            negative: channel(-1.0),
            nan: channel(f64::NAN),
        }
    }

    /// The channel of `weight`.
    #[inline]
    pub(crate) fn of(self, weight: f64) -> usize {
        match self {
            Channel::BySign {
                positive,
                zero,
                negative,
                nan,
            } => {
                if weight > 0.0 {
                    positive
                } else if weight < 0.0 {
                    negative
                } else if weight == 0.0 {
                    zero
                } else {
                    nan
                }
            }
            Channel::Port(c) => c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Channel;
    use crate::models::{zero_excitatory, zero_inhibitory};

    /// A model with one channel.
    fn one(_weight: f64) -> usize {
        0
    }

    #[test]
    fn the_sign_probes_give_the_model_channel_for_every_weight() {
        let weights = [
            f64::MIN_POSITIVE,
            5e-324,
            0.37,
            45.61,
            1e300,
            f64::INFINITY,
            0.0,
            -0.0,
            -5e-324,
            -3.0,
            -1e300,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for rule in [zero_inhibitory as fn(f64) -> usize, zero_excitatory, one] {
            let channel = Channel::by_sign(rule);
            for w in weights {
                assert_eq!(channel.of(w), rule(w), "weight {w}");
            }
        }
        assert_eq!(Channel::by_sign(zero_inhibitory).of(0.0), 1);
        assert_eq!(Channel::by_sign(zero_excitatory).of(0.0), 0);
        assert_eq!(Channel::Port(3).of(-2.0), 3);
        // The named rules' data differ, so delivery, which compares a model's data with
        // them to pick its copy with the rule inline, tells them apart.
        assert_ne!(
            Channel::by_sign(zero_inhibitory),
            Channel::by_sign(zero_excitatory)
        );
    }
}
