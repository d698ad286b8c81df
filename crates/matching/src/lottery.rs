//! The seeded lottery: a fixed, self-contained pseudo-random generator and the
//! single random order of candidates drawn from an instance's `seed`.
//!
//! The generator is implemented here (SplitMix64 to expand the seed, then
//! xoshiro256**) rather than taken from a crate, so that the lottery — and
//! therefore every allocation — never changes with a dependency's version.
//!
//! The draw is specified exactly so that other tools can reproduce it:
//! 1. the four xoshiro256** state words are four successive SplitMix64 outputs
//!    started from `seed`;
//! 2. `perm = [0, 1, …, n-1]` (candidate indices in input order); for
//!    `i = n-1` down to `1`, draw `j` uniformly in `0..=i` with
//!    [`Xoshiro256::below`] and swap `perm[i]` and `perm[j]`;
//! 3. `perm[0]` wins the lottery (position 0), `perm[1]` comes second, and so on.

/// SplitMix64 step: advances `state` and returns the next output.
///
/// Used to expand a 64-bit seed into xoshiro256** state (Vigna's recommendation).
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The xoshiro256** generator (Blackman and Vigna, 2018).
#[derive(Debug, Clone)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// A generator whose state is four successive SplitMix64 outputs from `seed`.
    pub fn from_seed(seed: u64) -> Self {
        let mut sm = seed;
        let s = [
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
        ];
        Xoshiro256 { s }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform integer in `0..bound` (Lemire's unbiased multiply-and-reject).
    /// Returns 0 when `bound` is 0.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            return 0;
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(bound);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub fn unit_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The lottery: one random order over all candidates, drawn from the seed.
///
/// It breaks every tie group in every placement's ranking (single tie-breaking)
/// and, where candidates have no `priority`, decides who gives way when a
/// nationality cap binds. A lower position means winning the lottery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lottery {
    position: Vec<u32>,
}

impl Lottery {
    /// Draws the lottery for `candidates` candidates from `seed` (see the module docs).
    pub fn draw(seed: u64, candidates: usize) -> Self {
        let mut rng = Xoshiro256::from_seed(seed);
        let mut perm: Vec<u32> = (0..candidates as u32).collect();
        for i in (1..candidates).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            perm.swap(i, j);
        }
        let mut position = vec![0u32; candidates];
        for (pos, &c) in perm.iter().enumerate() {
            position[c as usize] = pos as u32;
        }
        Lottery { position }
    }

    /// The lottery position of candidate index `candidate` (0 = first drawn).
    pub fn position(&self, candidate: usize) -> u32 {
        self.position[candidate]
    }

    /// All positions, indexed by candidate index.
    pub fn positions(&self) -> &[u32] {
        &self.position
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_reference_values() {
        // Reference outputs of SplitMix64 seeded with 0 (Vigna's C implementation).
        let mut s = 0u64;
        assert_eq!(splitmix64(&mut s), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut s), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn lottery_is_a_fixed_permutation() {
        let a = Lottery::draw(42, 10);
        let mut seen = a.positions().to_vec();
        seen.sort_unstable();
        assert_eq!(seen, (0..10).collect::<Vec<u32>>());
        assert_eq!(a, Lottery::draw(42, 10));
        assert_ne!(a, Lottery::draw(43, 10));
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = Xoshiro256::from_seed(7);
        for bound in 1..200u64 {
            assert!(rng.below(bound) < bound);
        }
        assert_eq!(rng.below(0), 0);
    }
}
