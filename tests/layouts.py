"""Article files laid out as real French news exports are, for the reading tests.

A researcher's text exports put the title on the first line (a question, a
sentence with a full stop, a long line: the headline guess misses many),
then body paragraphs with navigation lines between them ("» LIRE AUSSI :
...", "À lire aussi", "Voir aussi", "Lire la suite", breadcrumbs), lists
introduced by a line ending in ":" ("- ...", "• ...", "1. ...", short
capitalised items) and closing quotes left alone at a paragraph's end. The
body is real French prose: UD French-GSD sentences (:func:`analysis.corpora.ud_sentences`,
taken from ``../shared/corpora/ud-french-gsd``) and paragraphs of the seeds.
"""

from __future__ import annotations

import random
from pathlib import Path

from analysis import paths
from analysis.corpora import ud_sentences

#: Navigation lines (from French news sites' text exports): all boilerplate.
NAVIGATION = (
    "» LIRE AUSSI : Syrie, la Russie et les États-Unis face à face",
    "LIRE AUSSI - Le Kremlin hausse le ton",
    "À lire aussi",
    "A lire aussi : notre dossier sur la Syrie",
    "Voir aussi : la chronologie du conflit",
    "Lire la suite",
    "Sur le même sujet",
    "International > Moyen-Orient > Syrie",
    "Retour en haut de la page",
)
#: Titles the headline guess misses: a question, a full stop, a quote, a long line.
TITLES = (
    "La Russie et les États-Unis peuvent-ils encore s'entendre sur la Syrie ?",
    "Moscou et Washington signent un accord sur la Syrie.",
    "« Nous voulons la paix », affirme le ministre russe",
    "Syrie : Lavrov et Kerry se parlent de nouveau, mais les divergences demeurent "
    "sur le sort de Bachar el-Assad, sur les frappes aériennes et sur la liste des groupes "
    "considérés comme terroristes par les deux pays",
    "Poutine et Trump : un premier appel téléphonique",
)
#: A list introduced by a line ending in ":" (none of its lines is a headline).
LIST_BLOCK = (
    "Les points clés de l'accord :",
    "- Un cessez-le-feu dans le sud du pays",
    "• Une aide humanitaire pour Alep",
    "1. Des négociations à Genève",
    "2) Une commission conjointe",
    "Un calendrier commun",
    "Une rencontre des ministres",
)


def seed_paragraphs() -> list[str]:
    """Body paragraphs of the seeds (longer than 200 characters: prose, no titles)."""
    out = []
    for f in sorted(paths.SEEDS.glob("*.txt")):
        out += [ln.strip() for ln in f.read_text("utf-8").splitlines() if len(ln.strip()) > 200]
    return out


def layout(i: int, rng: random.Random, sents: list[str], seed_paras: list[str]) -> str:
    """One article file: a title, body, navigation, a list, a lone closing quote."""
    def para(k: int = 3) -> str:
        return " ".join(rng.sample(sents, k))

    lines = [TITLES[i % len(TITLES)], "", para(), rng.choice(seed_paras),
             NAVIGATION[i % len(NAVIGATION)], para(), *LIST_BLOCK, para(),
             NAVIGATION[(i + 3) % len(NAVIGATION)],
             f"« {para(1)} »",
             f'{para(2)} "', '"', para()]
    return "\n".join(lines) + "\n"


def write_layout_corpus(folder: Path, outlets: dict[str, int], seed: int = 7) -> list[Path]:
    """``outlets[name]`` article files in ``folder/name/`` (a folder per outlet)."""
    rng = random.Random(seed)
    sents = [s for s in ud_sentences() if 40 <= len(s) <= 200]
    seed_paras = seed_paragraphs()
    files = []
    i = 0
    for outlet, n in outlets.items():
        (folder / outlet).mkdir(parents=True, exist_ok=True)
        for _ in range(n):
            path = folder / outlet / f"{outlet}_{i:03d}.txt"
            path.write_text(layout(i, rng, sents, seed_paras), encoding="utf-8")
            files.append(path)
            i += 1
    return files
