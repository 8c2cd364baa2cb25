//! Space: layouts of populations, masks and distance kernels.

use super::{key, Default::*, Form, Key, Ty};
use crate::units::Dim;

const PERIODIC: Key = key(
    "periodic",
    Ty::Form("the word `periodic`"),
    Unset,
    "wrap distances around the extent (NEST's `edge_wrap`)",
);

/// How a population is placed: the word before the layout, and the layout. NEST's
/// `nest.spatial.free` (uniform in a box, or listed positions) and `nest.spatial.grid`.
pub const LAYOUTS: &[(&str, Form)] = &[
    (
        "in",
        Form {
            name: "box",
            keys: &[
                key("lower_left", Ty::Point, Required, "lower corner (2 or 3 coordinates)"),
                key("upper_right", Ty::Point, Required, "upper corner, above `lower_left` in every coordinate"),
                PERIODIC,
            ],
            doc: "positions drawn uniformly in the box (`nest.spatial.free(nest.random.uniform(..))`); \
                  its extent is the box",
        },
    ),
    (
        "at",
        Form {
            name: "positions",
            keys: &[
                key("positions", Ty::Form("list of points (mm)"), Required, "one position per neuron"),
                key("extent", Ty::Point, Said("the positions' bounding box, rounded up per dimension"), "the layer's size"),
                PERIODIC,
            ],
            doc: "listed positions (`nest.spatial.free([..])`)",
        },
    ),
    (
        "on",
        Form {
            name: "grid",
            keys: &[
                key("shape", Ty::Form("list of whole numbers"), Required, "columns, rows (and layers); their product is the size"),
                key("extent", Ty::Point, Said("1 mm per dimension"), "the layer's size"),
                key("center", Ty::Point, Said("the origin"), "the layer's centre"),
                PERIODIC,
            ],
            doc: "a grid (`nest.spatial.grid`), NEST's order of positions",
        },
    ),
];

const CENTER: Key = key(
    "center",
    Ty::Point,
    Said("the node's position"),
    "a fixed centre: the mask selects around this point instead (device targets)",
);
const ANCHOR: Key = key(
    "anchor",
    Ty::Point,
    Is("[0, 0] mm"),
    "shift of the mask from the node (NEST's `anchor`)",
);
const AZIMUTH: Key = key(
    "azimuth_angle",
    Ty::Quantity(Dim::Angle),
    Is("0 deg"),
    "rotation about the z axis, from the x axis",
);
const POLAR: Key = key(
    "polar_angle",
    Ty::Quantity(Dim::Angle),
    Is("0 deg"),
    "rotation about the y axis, from the z axis",
);

/// The masks: NEST's `mask` shapes, centred on the node they are applied to.
pub const MASKS: &[Form] = &[
    Form {
        name: "circle",
        keys: &[
            key("radius", Ty::Quantity(Dim::Length), Required, "> 0"),
            CENTER,
            ANCHOR,
        ],
        doc: "2D `circular`: |d| <= radius",
    },
    Form {
        name: "sphere",
        keys: &[
            key("radius", Ty::Quantity(Dim::Length), Required, "> 0"),
            CENTER,
            ANCHOR,
        ],
        doc: "3D `spherical`: |d| <= radius",
    },
    Form {
        name: "rectangle",
        keys: &[
            key(
                "lower_left",
                Ty::Point,
                Required,
                "lower-left corner [x, y]",
            ),
            key(
                "upper_right",
                Ty::Point,
                Required,
                "upper-right corner, above and right of `lower_left`",
            ),
            AZIMUTH,
            CENTER,
            ANCHOR,
        ],
        doc: "2D `rectangular`, rotated about its centre",
    },
    Form {
        name: "box",
        keys: &[
            key("lower_left", Ty::Point, Required, "lower corner [x, y, z]"),
            key(
                "upper_right",
                Ty::Point,
                Required,
                "upper corner, greater in every coordinate",
            ),
            AZIMUTH,
            POLAR,
            CENTER,
            ANCHOR,
        ],
        doc: "3D `box`, rotated about its centre",
    },
    Form {
        name: "ellipse",
        keys: &[
            key(
                "major_axis",
                Ty::Quantity(Dim::Length),
                Required,
                "full length of the major axis, >= minor",
            ),
            key(
                "minor_axis",
                Ty::Quantity(Dim::Length),
                Required,
                "full length of the minor axis, > 0",
            ),
            AZIMUTH,
            CENTER,
            ANCHOR,
        ],
        doc: "2D `elliptical`",
    },
    Form {
        name: "ellipsoid",
        keys: &[
            key(
                "major_axis",
                Ty::Quantity(Dim::Length),
                Required,
                "full length of the major (x') axis, >= minor",
            ),
            key(
                "minor_axis",
                Ty::Quantity(Dim::Length),
                Required,
                "full length of the minor (y') axis, > 0",
            ),
            key(
                "polar_axis",
                Ty::Quantity(Dim::Length),
                Required,
                "full length of the polar (z') axis, > 0",
            ),
            AZIMUTH,
            POLAR,
            CENTER,
            ANCHOR,
        ],
        doc: "3D `ellipsoidal`",
    },
    Form {
        name: "doughnut",
        keys: &[
            key(
                "inner_radius",
                Ty::Quantity(Dim::Length),
                Required,
                ">= 0, excluded",
            ),
            key(
                "outer_radius",
                Ty::Quantity(Dim::Length),
                Required,
                "> inner, included",
            ),
            CENTER,
            ANCHOR,
        ],
        doc: "`doughnut`: inner_radius < |d| <= outer_radius, in 2D and 3D; never the node itself",
    },
    Form {
        name: "grid",
        keys: &[
            key(
                "shape",
                Ty::Form("[columns, rows], whole numbers >= 1"),
                Required,
                "grid cells covered, counted right and down from the anchor cell",
            ),
            key(
                "anchor",
                Ty::Form("[column, row], whole numbers"),
                Is("[0, 0]"),
                "the node's cell inside the mask: columns left of it and rows above it",
            ),
        ],
        doc: "NEST's `grid` mask, in grid cells, for 2D grid layers (NEST 3.10 has no 3D one)",
    },
];

const P0: Key = key(
    "p0",
    Ty::Quantity(Dim::Number),
    Is("1"),
    "value at the peak, >= 0",
);

/// The distance kernels of `with p = ..`, NEST's `nest.spatial_distributions` of
/// `nest.spatial.distance` (d in mm). Arguments may be positional, in this order.
pub const KERNELS: &[Form] = &[
    Form {
        name: "constant",
        keys: &[key(
            "p",
            Ty::Quantity(Dim::Number),
            Required,
            "the value, in [0, 1]",
        )],
        doc: "the value p",
    },
    Form {
        name: "linear",
        keys: &[
            key(
                "p0",
                Ty::Quantity(Dim::Number),
                Required,
                "value at distance 0",
            ),
            key(
                "slope",
                Ty::Quantity(Dim::Number),
                Required,
                "change per mm",
            ),
        ],
        doc: "the value p0 + slope·d",
    },
    Form {
        name: "exponential",
        keys: &[
            P0,
            key(
                "beta",
                Ty::Quantity(Dim::Length),
                Required,
                "length constant, > 0",
            ),
        ],
        doc: "the value p0·exp(−d/beta)",
    },
    Form {
        name: "gaussian",
        keys: &[
            P0,
            key(
                "mean",
                Ty::Quantity(Dim::Length),
                Is("0 mm"),
                "distance of the peak",
            ),
            key("std", Ty::Quantity(Dim::Length), Required, "width, > 0"),
        ],
        doc: "the value p0·exp(−(d − mean)²/(2·std²))",
    },
    Form {
        name: "gaussian2d",
        keys: &[
            P0,
            key(
                "mean_x",
                Ty::Quantity(Dim::Length),
                Is("0 mm"),
                "peak's x distance",
            ),
            key(
                "mean_y",
                Ty::Quantity(Dim::Length),
                Is("0 mm"),
                "peak's y distance",
            ),
            key(
                "std_x",
                Ty::Quantity(Dim::Length),
                Required,
                "width along x, > 0",
            ),
            key(
                "std_y",
                Ty::Quantity(Dim::Length),
                Required,
                "width along y, > 0",
            ),
            key(
                "rho",
                Ty::Quantity(Dim::Number),
                Is("0"),
                "correlation of x and y, in (−1, 1)",
            ),
        ],
        doc: "NEST's `gaussian2D` of the per-axis distances",
    },
    Form {
        name: "gamma",
        keys: &[
            P0,
            key("kappa", Ty::Quantity(Dim::Number), Required, "shape, > 0"),
            key("theta", Ty::Quantity(Dim::Length), Required, "scale, > 0"),
        ],
        doc: "the value p0 · d^(kappa−1)·exp(−d/theta) / (theta^kappa·Γ(kappa))",
    },
    Form {
        name: "gabor",
        keys: &[
            P0,
            key(
                "theta",
                Ty::Quantity(Dim::Angle),
                Is("0 deg"),
                "orientation",
            ),
            key("gamma", Ty::Quantity(Dim::Number), Is("1"), "aspect ratio"),
            key("std", Ty::Quantity(Dim::Length), Required, "width, > 0"),
            key(
                "lam",
                Ty::Quantity(Dim::Length),
                Required,
                "wavelength, > 0",
            ),
            key("psi", Ty::Quantity(Dim::Angle), Is("0 deg"), "phase"),
        ],
        doc: "NEST's `gabor` of the per-axis distances",
    },
];

/// The `where { .. }` keys of a neuron variant: biological metadata, which the report and
/// the exports carry, and the facts the checker uses.
pub const NEURON_WHERE: &[Key] = &[
    key(
        "class",
        Ty::Form("`excitatory` or `inhibitory`"),
        Unset,
        "the sign its synapses' weights must have (checked on every connection from it)",
    ),
    key(
        "dendrite_extent",
        Ty::Quantity(Dim::Length),
        Unset,
        "metadata",
    ),
    key(
        "dendrite_diameter",
        Ty::Quantity(Dim::Length),
        Unset,
        "metadata",
    ),
    key(
        "transmitters",
        Ty::Form("list of transmitter names, or a block `{ AMPA: 2 ms, .. }`"),
        Unset,
        "the receptors it carries: on a multisynapse model, one receptor port per \
         transmitter (with its time constant); connections name ports by transmitter",
    ),
    key(
        "psp_amplitude",
        Ty::Quantity(Dim::Voltage),
        Unset,
        "metadata",
    ),
    key("rise_time", Ty::Quantity(Dim::Time), Unset, "metadata"),
    key(
        "firing",
        Ty::Form("block `{ resting: a..b Hz, active: a..b Hz, max: a..b Hz }`"),
        Unset,
        "expected firing-rate ranges; the report compares measured rates with them",
    ),
];

/// The `where { .. }` keys of a population: metadata.
pub const POPULATION_WHERE: &[Key] = &[
    key("region", Ty::Text, Unset, "brain region"),
    key("density", Ty::Quantity(Dim::Density), Unset, "cell density"),
    key("source", Ty::Text, Unset, "where the numbers come from"),
    key("species", Ty::Text, Unset, "species"),
];
