"""The rule registry: its committed snapshot, and one test row per rule.

Each row of ``CASES`` is a short French text (paragraphs split by ``||``), the
rule it exercises and what the last sentence's score must show, and for the
date rules a fifth field: the article's date (``score_texts(..., date=)``). The row runs
in every mode the rule is registered for (``analysis.scoring.rules.RULES``).
Adding a rule means adding one registry line and one row here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.scoring import FrameScorer
from analysis.scoring.rules import DROPPED_RULES, RULE_LABELS, RULES, describe

SNAPSHOT = Path(__file__).resolve().parent.parent / "golden" / "rules.tsv"

# (rule, text, field, expected): ``evidence`` and ``speaker`` hold a substring,
# ``actors`` the exact list, ``dyad`` "A-B:relation", ``directed`` "SOURCE>TARGET:relation",
# ``voice``/``modality`` the value.
CASES = [
    ("places_topics_datelines", "La Russie a envoyé de l'aide en Syrie.", "actors", ["RUS"]),
    ("places_topics_datelines", "Moscou dénonce le régime de Kiev.", "dyad", "RUS-UKR:conf"),
    ("places_topics_datelines", "Le régime russe a envahi l'Ukraine.", "dyad", "RUS-UKR:conf"),
    ("places_topics_datelines", "Moscou soupçonne Washington de vouloir un changement de régime.",
     "actors", ["RUS", "USA"]),
    ("places_topics_datelines", "La conférence de Londres a rejeté le plan de la Russie.",
     "actors", ["RUS"]),
    ("impersonal_judge", "À Moscou, on accuse Washington de prolonger la guerre.", "dyad",
     "RUS-USA:conf"),
    ("forum_before_object", "Moscou et Washington ont échangé des accusations au Conseil de "
     "sécurité sur la Syrie.", "pairs", ["RUS-USA:conf"]),
    ("enumeration", "Washington, Paris et Londres rejettent les accusations de Moscou.", "dyad",
     "RUS-USA:conf"),
    ("aid_recipient", "Le Pentagone livre des armes à Kiev.", "dyad", "UKR-USA:coop"),
    ("aid_recipient", "La France a renouvelé son soutien au Maroc.", "dyad", "FRA-MAR:coop"),
    ("compound_adjective", "La guerre russo-ukrainienne entre dans son deuxième mois.",
     "actors", ["RUS", "UKR"]),
    ("compound_partners", "Les tensions sino-américaines s'aggravent.", "dyad",
     "CHN-USA:conf"),
    ("allied_side", "Moscou a dénoncé les sanctions imposées par Washington et ses alliés.",
     "evidence", "allié[allied_side]"),
    ("allied_side", "Plafond pétrolier : Moscou riposte par un décret contre Washington et ses "
     "alliés", "coop", 0),
    ("allied_side", "Washington et ses alliés ont imposé de nouvelles sanctions à la Russie.",
     "evidence", "allié[allied_side]"),
    ("object_adjective", "Washington a dégainé des représailles financières visant deux banques "
     "publiques russes.", "pairs", ["RUS-USA:conf"]),
    ("object_adjective", "Washington a interdit les importations de pétrole russe.", "dyad",
     "RUS-USA:conf"),
    ("aid_phrase", "Dmitri Peskov a fustigé la livraison de chars américains à l'Ukraine.",
     "dyad", "UKR-USA:coop"),
    ("incise", "Joe Biden a accusé mercredi, à la tribune des Nations unies, la Russie de mentir, "
     "quelques heures après un discours du président chinois.", "pairs", ["RUS-USA:conf"]),
    ("incise", "Washington a accusé, par la voix de son porte-parole, la Russie de mentir.",
     "directed", "USA>RUS:conf"),
    ("accused_agent", "Moscou accuse Washington de livrer des armes à Kiev.", "dyad",
     "UKR-USA:coop"),
    ("accused_agent", "La Russie reproche aux États-Unis leur soutien militaire à l'Ukraine.",
     "dyad", "RUS-USA:conf"),
    ("accused_agent", "Pékin a répondu à la Russie et accuse Washington d'aider Kiev.", "pairs",
     ["CHN-USA:conf", "UKR-USA:coop"]),
    ("accused_agent", "Le groupe Wagner est accusé par Washington d'aider le Mali.", "pairs",
     ["MLI-RUS:coop", "RUS-USA:conf"]),
    ("speaker_party", "D'après Joe Biden, les négociations avec Moscou progressent.", "dyad",
     "RUS-USA:coop"),
    ("speech_act", "Washington a averti Moscou qu'une invasion de l'Ukraine aurait de graves "
     "conséquences.", "dyad", "RUS-USA:conf"),
    ("noun_target", "La Russie a coupé le gaz à la Pologne.", "directed", "RUS>POL:conf"),
    ("conflict_dyads", "Les États-Unis ont expulsé douze diplomates russes.", "directed",
     "USA>RUS:conf"),
    ("object_owner", "Londres et Paris rejettent des accusations « totalement infondées » de "
     "Moscou.", "dyad", "GBR-RUS:conf"),
    ("object_owner", "Washington a rejeté les exigences de Moscou sur la neutralité de "
     "l'Ukraine.", "directed", "USA>RUS:conf"),
    ("imposed_on", "La Russie a imposé des sanctions aux États-Unis.", "directed", "RUS>USA:conf"),
    ("aid_phrase", "L'aide de la Russie aux États-Unis a doublé.", "directed", "RUS>USA:coop"),
    ("undergone", "Les États-Unis ont été la cible d'une attaque de la Russie.", "directed",
     "RUS>USA:conf"),
    ("undergone", "L'Ukraine a reçu des armes de Washington.", "directed", "USA>UKR:coop"),
    ("addressee", "Moscou a proposé à Washington d'ouvrir des pourparlers.", "dyad",
     "RUS-USA:coop"),
    ("facing", "L'Ukraine a procédé à une démonstration de force face à Berlin.", "dyad",
     "DEU-UKR:conf"),
    ("yielding", "Moscou a levé l'embargo contre Washington.", "directed", "RUS>USA:coop"),
    ("negation", "La Russie ne cesse de critiquer les États-Unis.", "dyad", "RUS-USA:conf"),
    ("negation", "Washington a signé un accord avec le Kremlin sans que Moscou ne menace Kiev.", "pairs",
     ["RUS-USA:coop"]),
    ("condition_clause", "Le Kremlin a menacé de représailles si Washington fournissait des "
     "missiles à Kiev.", "dyad", "UKR-USA:coop"),
    ("conditional_target", "Le Kremlin a menacé de représailles si Washington fournissait des "
     "missiles à Kiev.", "directed", "RUS>USA:conf"),
    ("conditional_target", "Si l'Otan intervient en Ukraine, Moscou ripostera.", "directed",
     "RUS>NATO:conf"),
    ("condemned_act", "Jen Psaki a condamné l'annexion de quatre régions ukrainiennes par la "
     "Russie.", "directed", "USA>RUS:conf"),
    ("judged_act", "Pour Washington, l'annexion de quatre régions ukrainiennes par Moscou est "
     "« nulle et non avenue ».", "directed", "USA>RUS:conf"),
    ("document_content", "Le Sénat américain a adopté une résolution qualifiant la Russie "
     "d'« État soutenant le terrorisme ».", "evidence", "document:résolution[dropped]"),
    ("conflict_dyads", "Moscou et Washington se renvoient la responsabilité de l'effondrement "
     "des négociations sur la sécurité européenne.", "dyad", "RUS-USA:conf"),
    ("descriptive_participle", "Lloyd Austin a déclaré que les États-Unis voulaient voir la "
     "Russie « affaiblie ».", "dyad", "RUS-USA:conf"),
    ("named_act", "Joe Biden a qualifié l'invasion russe de l'Ukraine de « génocide ».", "directed",
     "USA>RUS:conf"),
    ("named_actor", "L'OTAN a désigné la Russie comme « la menace la plus directe » pour "
     "les Alliés.", "directed", "NATO>RUS:conf"),
    ("co_mentioned_conflict", "Le secrétaire américain à la Défense a affirmé que l'armée russe "
     "avait subi de lourdes pertes en Ukraine.", "dyads", []),
    ("relative_target", "La Russie a proclamé l'annexion de quatre régions ukrainiennes, une "
     "décision que les États-Unis ont refusé de reconnaître.", "directed", "USA>RUS:conf"),
    ("passive_halt", "Les discussions entre Washington et Moscou sur la sécurité européenne, "
     "entamées à Genève en janvier, sont au point mort.", "evidence", "discussion<au point mort"),
    ("nominal_parties", "Jen Psaki a condamné l'annexion de quatre régions ukrainiennes par la "
     "Russie.", "directed", "RUS>UKR:conf"),
    ("spoiled_cooperation", "Moscou a rejeté l'idée d'un cessez-le-feu défendue par Washington.",
     "pairs", ["RUS-USA:conf"]),
    ("spoiled_cooperation", "La Russie a suspendu sa participation au traité New Start.",
     "evidence", "suspendre sa participation>le traité[spoiled]"),
    ("spoiled_cooperation", "Moscou a suspendu sa participation russe au traité New Start.",
     "evidence", "suspendre sa participation>le traité[spoiled]"),
    ("spoiled_cooperation", "Les Américains exigent que Moscou retire ses troupes.", "evidence",
     "exiger>retirer ses troupes[spoiled]"),
    ("spoiled_cooperation", "La Maison Blanche a sommé la Russie de retirer ses troupes.",
     "evidence", ">retirer ses troupes[spoiled]"),
    ("passive_halt", "Le dialogue entre Moscou et Washington est au point mort.", "dyad",
     "RUS-USA:conf"),
    ("passive_halt", "Washington a reconnu que des négociations avec Moscou étaient "
     "impossibles.", "dyad", "RUS-USA:conf"),
    ("conflict_target_preposition", "Moscou et Washington divergent sur l'Ukraine.", "actors",
     ["RUS", "USA"]),
    ("nationality_adjective_head", "Le département d'État a dénoncé la « propagande » russe.",
     "dyad", "RUS-USA:conf"),
    ("co_mentioned_conflict", "Selon Washington, Moscou prépare une invasion de l'Ukraine.",
     "dyad", "RUS-UKR:conf"),
    ("unplanned_contact", "Aucun sommet entre Moscou et Washington n'est prévu.", "evidence",
     "unplanned:sommet[dropped]"),
    ("spoiled_cooperation", "La Russie a opposé son veto à un projet de résolution américain.",
     "dyad", "RUS-USA:conf"),
    ("passive_halt", "Les négociations entre Moscou et Washington ont échoué.", "dyad",
     "RUS-USA:conf"),
    ("passive_halt", "Un navire russe a échoué sur la côte de la Norvège.", "evidence",
     "no_talks:échouer[dropped]"),
    ("demanded_subject", "Washington a exigé que la Russie rende à l'Ukraine le contrôle de la "
     "centrale de Zaporijjia.", "directed", "USA>RUS:conf"),
    ("demanded_subject", "L'Assemblée générale de l'ONU a exigé mercredi par 141 voix que la "
     "Russie retire ses troupes.", "directed", "UN>RUS:conf"),
    ("object_adjective", "Les sanctions américaines contre l'industrie de défense russe "
     "produisent leurs effets.", "dyad", "RUS-USA:conf"),
    ("places_topics_datelines", "Moscou dénonce une provocation orchestrée depuis Washington.",
     "dyad", "RUS-USA:conf"),
    ("judged_apposition", "Joe Biden a signé la loi de prêt-bail pour l'Ukraine, une mesure "
     "dénoncée à Moscou comme une « escalade ».", "directed", "RUS>USA:conf"),
    ("unnamed_accused", "Washington a imposé des sanctions à une trentaine d'entreprises "
     "accusées d'aider l'armée russe.", "dyad", "RUS-USA:conf"),
    ("blamed_act", "Medvedev a estimé que les livraisons d'armes américaines à Kiev "
     "rapprochaient le monde d'une « apocalypse nucléaire ».", "directed", "RUS>USA:conf"),
    ("clitic_target", "Washington a proposé un accord, mais Moscou l'a rejeté.", "directed",
     "RUS>USA:conf"),
    ("clitic_target", "La France a livré des armes à Kiev, et Moscou les a dénoncées.",
     "directed", "RUS>FRA:conf"),
    ("places_topics_datelines", "Washington a annoncé l'expulsion de douze membres de la "
     "mission russe auprès des Nations unies.", "actors", ["USA", "RUS"]),
    ("object_owner", "Le secrétaire d'État américain a dénoncé le « chantage » énergétique de "
     "Moscou.", "dyad", "RUS-USA:conf"),
    ("judged_apposition", "Vladimir Poutine a assuré qu'il n'était « pas en train de bluffer », "
     "une allusion à peine voilée aux États-Unis.", "directed", "RUS>USA:conf"),
    ("clitic_target", "William Burns a rencontré son homologue russe Sergueï Narychkine pour le "
     "mettre en garde contre tout recours à l'arme nucléaire.", "directed", "USA>RUS:mixed"),
    ("seen_as", "Ukraine : Biden promet des chars Abrams, Moscou y voit une « provocation "
     "flagrante ».", "directed", "RUS>USA:conf"),
    ("joined_verb", "La Russie réclame une enquête de l'ONU et pointe du doigt les États-Unis.",
     "directed", "RUS>USA:conf"),
    ("release_sense", "Brittney Griner a été libérée jeudi en échange du marchand d'armes russe "
     "Viktor Bout.", "evidence", "release:libérer[dropped]"),
    ("release_sense", "Antony Blinken a pressé Sergueï Lavrov d'accepter l'offre américaine pour "
     "libérer Brittney Griner et Paul Whelan.", "evidence", "release:libérer[dropped]"),
    ("places_topics_datelines", "Washington et Moscou se sont mutuellement accusés lundi au Conseil de "
     "sécurité de l'ONU.", "actors", ["USA", "RUS"]),
    ("deescalation", "Moscou ajourne sine die les discussions prévues avec Washington.",
     "dyad", "RUS-USA:conf"),
    ("drafted_by", "Nucléaire en orbite : veto russe à une résolution américano-japonaise",
     "pairs", ["JPN-RUS:conf", "RUS-USA:conf"]),
    ("drafted_by", "La Russie a opposé vendredi son veto à une résolution du Conseil de "
     "sécurité, présentée par les États-Unis et l'Albanie.", "dyad", "RUS-USA:conf"),
    ("drafted_by", "Le Kremlin a rejeté la résolution défendue par Washington et Londres.",
     "pairs", ["GBR-RUS:conf", "RUS-USA:conf"]),
    ("drafted_by", "La Russie a mis son veto à une résolution rédigée par les États-Unis et "
     "l'Albanie.", "directed", "RUS>USA:conf"),
    ("pledged_conflict", "Washington et Bruxelles promettent à la Russie un « coût sévère ».",
     "evidence", "promettre>coût sévère[pledged_conflict]"),
    ("pledged_conflict", "Les Occidentaux promettent à Moscou de nouvelles sanctions.", "pairs",
     ["RUS-WEST:conf"]),
    ("descriptive_participle", "Washington veut voir la Russie durablement affaiblie.", "dyad",
     "RUS-USA:conf"),
    ("lexicon", "Washington promet une « réponse » à Moscou.", "evidence",
     "promettre une réponse[THREATEN"),
    ("object_adjective", "Les pays du G7 sont convenus d'instaurer un plafonnement du prix du "
     "pétrole russe.", "dyad", "G7-RUS:conf"),
    ("relative_target", "Le président américain a signé une loi de prêt-bail pour l'Ukraine, que "
     "la diplomatie russe a dénoncé comme une « fuite en avant » de Washington.", "directed",
     "RUS>USA:conf"),
    ("attribution", "Joe Biden a exclu toute rencontre avec Vladimir Poutine tant que la Russie "
     "poursuivra sa « guerre brutale » contre l'Ukraine.", "dyad", "RUS-USA:conf"),
    ("negation", "Moscou et Washington ont tenu une réunion, sans toutefois parvenir à rapprocher "
     "leurs positions.", "evidence", "not:rapprocher les positions"),
    ("promised_content", "Kiev et Washington ont promis de ne « jamais » en reconnaître les "
     "résultats.", "evidence", "promettre>de ne[promised_content]"),
    ("promised_content", "Joe Biden a promis que les États-Unis ne reconnaîtraient jamais ces "
     "territoires comme russes.", "evidence", "promettre>que[promised_content]"),
    ("promised_content", "Visas refusés aux journalistes russes : Moscou promet de « ne pas "
     "oublier » l'affront américain.", "evidence", "promettre>de[promised_content]"),
    ("promised_content", "Plafond sur le brut russe : le G7 serre la vis, Moscou promet de tout "
     "couper.", "coop", 0),
    ("promised_content", "Moscou a promis aux négociateurs ukrainiens de réduire son activité "
     "militaire.", "evidence", "promettre[AGREE"),
    ("passive_halt", "Les négociations russo-américaines, qui devaient reprendre au Caire, ont été "
     "reportées sine die.", "dyad", "RUS-USA:conf"),
    ("conflict_dyads", "Les États-Unis et la Russie ont échangé des notifications malgré la "
     "dégradation de leurs relations.", "dyad", "RUS-USA:mixed"),
    ("relative_target", "Les États-Unis ont annoncé l'envoi de missiles Patriot à l'Ukraine, que "
     "Moscou considère désormais comme une « cible légitime ».", "directed", "RUS>USA:conf"),
    ("announced_act", "Les États-Unis ont annoncé vendredi de nouvelles sanctions visant plus de "
     "200 personnes et entités russes.", "dyad", "RUS-USA:conf"),
    ("announced_act", "Les États-Unis ont annoncé de nouvelles sanctions contre Moscou en "
     "représailles à l'annexion de quatre régions ukrainiennes.", "dyad", "RUS-USA:conf"),
    ("aid_recipient", "Les États-Unis ont livré mardi de nouveaux systèmes de défense à "
     "l'Ukraine.", "dyad", "UKR-USA:coop"),
    ("object_adjective", "Moscou a dénoncé samedi de nouvelles livraisons d'armes américaines à "
     "Kiev.", "dyad", "RUS-USA:conf"),
    ("provoked_reaction", "Le Pentagone a annoncé une nouvelle aide militaire à l'Ukraine, "
     "provoquant la colère de Moscou.", "directed", "RUS>USA:conf"),
    ("provoked_reaction", "Le Pentagone a annoncé une nouvelle aide militaire à l'Ukraine, "
     "suscitant l'ire de Moscou.", "evidence", "ire:USA[ACCUSE"),
    ("blamed_act", "Selon le Kremlin, les livraisons d'armes américaines à Kiev prolongent le "
     "conflit.", "directed", "RUS>USA:conf"),
    ("restrictive_que", "Dmitri Peskov a estimé que les livraisons d'armes américaines à Kiev "
     "« ne feront que prolonger les souffrances ».", "dyad", "RUS-USA:conf"),
    ("deontic_demand", "« Washington doit cesser de livrer des armes à Kiev », a déclaré "
     "Sergueï Lavrov.", "directed", "RUS>USA:conf"),
    ("deontic_demand", "« La Russie doit retirer ses troupes », a déclaré Antony Blinken.",
     "evidence", "retirer ses troupes[demanded]"),
    ("mentions", "Antony Blinken s'est dit ouvert à une conversation avec son homologue "
     "Sergueï Lavrov.", "dyad", "RUS-USA:coop"),
    ("anaphoric_act", "Washington a imposé de nouvelles sanctions à Moscou. Le Kremlin a "
     "dénoncé ces mesures.", "directed", "RUS>USA:conf"),
    ("nominal_parties", "L'attaque russe contre l'Ukraine a choqué le monde.", "directed",
     "RUS>UKR:conf"),
    ("condemned_act", "Les États-Unis ont mis en garde contre une attaque russe contre "
     "l'Ukraine.", "directed", "USA>RUS:conf"),
    ("nationality_adjective_head", "Les sanctions occidentales contre Moscou se sont "
     "multipliées.", "directed", "WEST>RUS:conf"),
    ("nationality_adjective_head", "Le Sahara Occidental a été envahi par le Maroc.", "actors",
     ["MAR"]),
    ("negation", "Washington n'a pas l'intention d'entrer en guerre avec la Russie.", "evidence",
     "not:guerre"),
    ("negation", "La Russie n'a pas hésité à accuser les États-Unis de crimes de guerre.", "dyad",
     "RUS-USA:conf"),
    ("insult", "Joe Biden a qualifié Vladimir Poutine de « boucher ».", "dyad", "RUS-USA:conf"),
    ("insult", "Le boucher du quartier a fermé sa boutique.", "evidence", "not_named:boucher"),
    ("insult", "Donald Trump a répondu aux saillies « provocatrices » de Dmitri Medvedev.", "dyad",
     "RUS-USA:conf"),
    ("insult", "Défense antimissile : Moscou juge « préoccupant » le Dôme d'or de Donald Trump.",
     "dyad", "RUS-USA:conf"),
    ("insult", "La situation sanitaire reste préoccupante à Moscou.", "evidence",
     "not_named:préoccupant"),
    ("insult", "« Ce sont des mensonges, un faux de plus », a répliqué le représentant de la "
     "Russie à l'ONU au sujet des accusations américaines.", "evidence", "mensonge[ACCUSE"),
    ("insult", "Le tribunal de Moscou a prolongé la détention du journaliste américain, un "
     "« simulacre de justice » selon Washington.", "dyad", "RUS-USA:conf"),
    ("insult", "L'enfant était toujours dans un « état préoccupant », selon des sources "
     "concordantes.", "evidence", "not_named:préoccupant"),
    ("insult", 'Dans la chanson "Un dictateur", rien ne change.', "evidence",
     "not_named:dictateur"),
    ("gerund_agent", "En livrant des armes à Kiev, Washington prolonge la guerre.", "directed",
     "USA>UKR:coop"),
    ("nominal_parties", "L'invasion de l'Ukraine par la Russie a bouleversé l'Europe.",
     "directed", "RUS>UKR:conf"),
    ("endorsed_conflict", "Moscou a promis des mesures de rétorsion contre Washington.", "dyad",
     "RUS-USA:conf"),
    ("peace_call", "La Russie et les États-Unis ont réclamé l'arrêt des combats.", "evidence",
     "réclamer>arrêt[peace_call]"),
    ("conflict_dyads", "Washington et Moscou ont échangé des accusations.", "dyad",
     "RUS-USA:conf"),
    ("conflict_dyads", "La Russie et les États-Unis s'opposent sur la question ukrainienne.",
     "dyad", "RUS-USA:conf"),
    ("conflict_dyads", "Moscou et Washington divergent profondément sur l'Ukraine.", "dyad",
     "RUS-USA:conf"),
    ("strike_target", "L'Allemagne a tiré des missiles sur l'Ukraine.", "directed",
     "DEU>UKR:conf"),
    ("passive_halt", "Les négociations entre Moscou et Washington ont été suspendues.", "dyad",
     "RUS-USA:conf"),
    ("passive_halt", "Le dialogue entre Moscou et Washington est rompu.", "evidence",
     "dialogue<rompre[spoiled]"),
    ("deescalation", "Le Kremlin exclut tout « dégel » avec Washington.", "dyad", "RUS-USA:conf"),
    ("deescalation", "Joe Biden a exclu toute rencontre avec Vladimir Poutine.", "dyad",
     "RUS-USA:conf"),
    ("attribution_act", "Une confrontation directe entre la Russie et l'Otan serait une "
     "catastrophe, a averti Joe Biden.", "dyad", "NATO-RUS:conf"),
    ("allied_not_joint", "Washington et ses alliés européens ont adopté des sanctions visant "
     "Moscou.", "coop", 0),
    ("places_topics_datelines", "La Chine a reçu une délégation de Kiev.", "dyad",
     "CHN-UKR:coop"),
    ("aid_recipient", "Moscou a fait des concessions à Washington.", "dyad", "RUS-USA:coop"),
    ("aid_recipient", "Washington a livré des missiles à longue portée à Kiev.", "dyad",
     "UKR-USA:coop"),
    ("announced_act", "Les États-Unis ont annoncé une nouvelle aide militaire à l'Ukraine.",
     "dyad", "UKR-USA:coop"),
    ("conflict_target_preposition", "Moscou a dissimulé des informations à Washington.", "dyad",
     "RUS-USA:conf"),
    ("nationality_adjective_head", "Le président américain a rencontré son homologue russe.",
     "dyad", "RUS-USA:coop"),
    ("mentions", "Le président américain a rencontré son homologue russe.", "actors",
     ["USA", "RUS"]),
    ("gate", "Il viendra demain.", "modality", "asserted"),
    ("pronouns", "Vladimir Poutine est arrivé à Paris.||Il a rencontré Emmanuel Macron.",
     "dyad", "FRA-RUS:coop"),
    ("counterpart", "Antony Blinken et Sergueï Lavrov se sont parlé jeudi, le chef de la "
     "diplomatie américaine exhortant son homologue à revenir sur la suspension de New Start.",
     "dyad", "RUS-USA:mixed"),
    ("pair_reference", "Joe Biden a annoncé de nouvelles sanctions contre la Russie.||Il a "
     "promis une aide militaire à l'Ukraine.||Le Kremlin a dénoncé ces mesures.||Les deux pays "
     "n'ont plus de contacts de haut niveau.", "dyad", "RUS-USA:conf"),
    ("pair_reference", "Barack Obama a rencontré Vladimir Poutine.||Les deux présidents ont "
     "convenu d'une trêve.", "dyad", "RUS-USA:coop"),
    ("attribution", "Selon des diplomates, Washington et Moscou maintiennent un canal de "
     "communication.", "dyad", "RUS-USA:coop"),
    ("attribution", "Selon Sergueï Lavrov, la Russie va coopérer avec la Turquie.", "speaker",
     "Sergueï Lavrov"),
    ("voice", "« Nous allons coopérer », a déclaré Sergueï Lavrov.", "voice", "quoted"),
    ("lexicon", "La Russie a envoyé de l'aide en Syrie.", "evidence", "aide[AID,+7.4]"),
    ("negation", "La Russie n'a pas bombardé la ville.", "evidence", "not:bombarder"),
    ("refusal", "La Turquie refuse de négocier avec la Syrie.", "evidence",
     "not:négocier[REJECT,-4.2]"),
    ("negated_stop", "La Russie n'a jamais cessé de soutenir la Syrie.", "evidence",
     "soutenir[SUPPORT,+4.6]"),
    ("refused_continuation", "La Russie a refusé de renouveler l'accord conclu avec la Turquie.",
     "evidence", "not:accord[REJECT,-4.2]"),
    ("descriptive_participle", "Le village isolé a reçu une aide de la France.", "evidence",
     "descriptive:isoler[dropped]"),
    ("spoiled_parse", "La Russie a gelé les fonds alloués à la coopération avec la Turquie.",
     "evidence", "geler les fonds>coopération[spoiled]"),
    ("cooperation_against", "La Russie a formé une alliance avec la Chine contre l'Iran.", "dyad",
     "CHN-IRN:conf"),
    ("endorsed_conflict", "La France a soutenu l'exclusion de la Russie du système SWIFT.",
     "evidence", "endorse:soutenir>exclusion[dropped]"),
    ("endorsed_conflict", "Washington a fermé son ciel aux avions russes, Moscou promet des "
     "mesures de rétorsion.", "pairs", ["RUS-USA:conf"]),
    ("purpose_conflict", "La Russie a coopéré avec la Chine pour isoler l'Iran.", "dyad",
     "CHN-IRN:conf"),
    ("conflict_agent", "La Russie a aidé la Syrie à contourner les sanctions imposées par la "
     "Turquie.", "dyad", "SYR-TUR:conf"),
    ("conflict_agent", "La France a renouvelé son soutien à l'Ukraine face à l'offensive russe.",
     "dyad", "FRA-UKR:coop"),
    ("noun_target", "La Russie et la Chine ont renforcé la pression sur l'Iran.", "directed",
     "CHN>IRN:conf"),
    ("proper_name", "Le Forum de Coopération économique Asie-Pacifique s'est ouvert à Lima.",
     "evidence", "name:coopération[dropped]"),
    ("sport_sense", "La Finlande compléta le podium grâce à sa victoire sur la Pologne.",
     "evidence", "sport:victoire[dropped]"),
    ("modality", "La Russie pourrait coopérer avec les États-Unis.", "modality", "conditional"),
    ("deescalation", "Moscou et Washington appellent à cesser les combats en Syrie.",
     "evidence", "cesser>combat[deescalation,+7.6]"),
    ("spoiled_cooperation", "Moscou accuse Washington de saboter les négociations.",
     "evidence", "saboter>négociation[spoiled]"),
    ("spoiled_cooperation", "La Russie a opposé son veto à la résolution présentée par les "
     "États-Unis.", "dyad", "RUS-USA:conf"),
    ("spoiled_cooperation", "Moscou a mis en garde Washington contre toute livraison d'armes "
     "à l'Ukraine.", "evidence", "mettre en garde>livraison d'armes[spoiled]"),
    ("pledged_conflict", "La Turquie a promis de bombarder les positions kurdes.", "evidence",
     "promettre>bombarder[pledged_conflict]"),
    ("markers", "La police a décidé d'arrêter le suspect.", "evidence", ""),
    ("negation_flips", "La Russie ne veut pas coopérer avec les États-Unis.", "dyad",
     "RUS-USA:conf"),
    ("permitted_act", "« Nous ne laisserons jamais Washington détruire notre pays », a déclaré "
     "Vladimir Poutine.", "dyad", "RUS-USA:conf"),
    ("since_contact", "Moscou et Washington se sont parlé au téléphone, alors qu'ils ne "
     "s'étaient pas parlé depuis des mois.", "evidence", "since:se parler[dropped]"),
    ("speaker_infinitive", "Paris a exprimé le souhait de normaliser ses relations avec Berlin.",
     "dyad", "DEU-FRA:coop"),
    ("purpose_subject", "Le patron de la CIA, William Burns, s'est rendu à Moscou pour "
     "proposer au Kremlin de coopérer.", "dyad", "RUS-USA:coop"),
    ("places_topics_datelines", "« Moscou doit cesser ses frappes », a déclaré Antony Blinken "
     "devant le Conseil de sécurité.", "actors", ["RUS", "USA"]),
    ("places_topics_datelines", "« Moscou doit cesser ses frappes », a déclaré Antony Blinken "
     "devant le Conseil de sécurité de l'ONU.", "actors", ["RUS", "USA"]),
    ("joint_fight", "Moscou et Washington divergent sur la crise alimentaire, chacun accusant "
     "l'autre d'affamer les pays pauvres.", "dyad", "RUS-USA:conf"),
    ("joint_fight", "Les délégations russe et américaine sont convenues de renforcer leurs "
     "ambassades, réduites par des années d'expulsions croisées.", "dyad", "RUS-USA:mixed"),
    ("joint_fight", "Moscou et Washington restent en désaccord sur l'Ukraine.", "dyad",
     "RUS-USA:conf"),
    ("negation", "Antony Blinken et Sergueï Lavrov se sont croisés sans se saluer.", "dyad",
     "RUS-USA:conf"),
    ("deescalation", "Gazprom a réduit les livraisons de gaz à l'Allemagne.", "evidence",
     "réduire>livraison de gaz[SANCTION"),
    ("descriptive_participle", "« Les États-Unis veulent voir la Russie affaiblie », a déclaré "
     "Lloyd Austin.", "dyad", "RUS-USA:conf"),
    ("deescalation", "Londres a rappelé ses navires de guerre déployés près des côtes de la "
     "Russie.", "evidence", "navires>déployer[deescalated]"),
    ("deescalation", "Paris a restitué les avoirs gelés de Berlin.", "dyad", "DEU-FRA:coop"),
    ("spoiled_cooperation", "Washington a exigé de Kiev des garanties de sécurité.", "dyad",
     "UKR-USA:conf"),
    ("places_topics_datelines", "L'Ukraine a qualifié Moscou d'État terroriste.", "actors",
     ["UKR", "RUS"]),
    ("aid_recipient", "Washington a acheminé du carburant vers Kiev.", "dyad", "UKR-USA:coop"),
    ("noun_reading", "La Russie et l'Ukraine ont signé un accord.", "dyad", "RUS-UKR:coop"),
    ("noun_reading", "Washington n'observe « aucun signe » d'une frappe imminente de Moscou.",
     "evidence", "noun:signer[dropped]"),
    ("noun_reading_parse", "Washington y voit le signe d'une escalade.", "evidence",
     "noun:signer[dropped]"),
    ("called_upon", "Antony Blinken a appelé son homologue chinois à ne pas fournir d'aide "
     "militaire à la Russie.", "directed", "USA>CHN:conf"),
    ("aid_recipient", "Washington a partagé avec Kiev des renseignements.", "dyad", "UKR-USA:coop"),
    ("aid_recipient", "Paris a annoncé la livraison de six canons Caesar à l'armée ukrainienne.",
     "dyad", "FRA-UKR:coop"),
    ("weapon_compound", "Les États-Unis ont livré des lance-roquettes à l'Ukraine.", "dyad",
     "UKR-USA:coop"),
    ("weapon_compound", "Les États-Unis refusent de livrer des armes offensives à l'Ukraine.",
     "evidence", "weapon:offensive[dropped]"),
    ("places_topics_datelines", "Washington a désigné la Russie comme un État soutenant le "
     "terrorisme.", "actors", ["USA", "RUS"]),
    ("conditional_target", "Moscou ripostera s'il le faut, si Washington livre des missiles à "
     "Kiev.", "directed", "RUS>USA:conf"),
    ("deescalation", "La Chine s'est abstenue lors du vote de la résolution condamnant la "
     "Russie.", "evidence", "condamner[ACCUSE"),
    ("object_adjective", "Joe Biden a annoncé l'interdiction des importations de pétrole et de "
     "gaz russes.", "dyad", "RUS-USA:conf"),
    ("mentions", "Un tribunal russe a condamné deux ressortissants américains.", "dyad",
     "RUS-USA:conf"),
    ("conflict_dyads", "Le patron de la CIA, William Burns, s'est rendu à Moscou pour mettre en "
     "garde le Kremlin contre une invasion de l'Ukraine.", "dyad", "RUS-USA:conf"),
    ("addressee", "Mardi, la France a enjoint à l'Iran de se retirer.", "dyad", "FRA-IRN:conf"),
    ("lexicon_evidence", "La Russie pourrait coopérer avec les États-Unis.", "evidence",
     "coopérer[COOPERATE,+6.8,conditional]"),
    ("possessed_recipient", "Le Kremlin a réaffirmé son soutien à Pékin en présence de "
     "diplomates américains.", "pairs", ["CHN-RUS:coop"]),
    ("meeting_owner", "Le Kremlin a apporté son soutien à Pékin face à la visite de Nancy "
     "Pelosi à Taïwan.", "pairs", ["CHN-RUS:coop"]),
    ("conflict_partners", "Le Caire entre en conflit avec l'Arabie saoudite.", "dyad",
     "EGY-SAU:conf"),
    ("against_enemy", "Washington mène une campagne aérienne contre Daech en Irak.",
     "evidence", "contre:IS[ASSAULT,-9.3]"),
    ("cooperation_dyads", "La Russie soutient la Turquie.", "directed", "RUS>TUR:coop"),
    ("intra_actor", "Vladimir Poutine a rencontré son ministre Sergueï Lavrov.", "evidence",
     "intra:RUS:rencontrer[dropped]"),
    ("conflict_dyads", "Le Royaume-Uni a blâmé l'Allemagne et l'Autriche.", "dyad",
     "AUT-GBR:conf"),
    ("conflict_dyads", "La Turquie a bombardé les positions kurdes en Syrie.", "evidence",
     "bombarder[ASSAULT"),
    ("co_mentioned_conflict", "Le président américain a qualifié son homologue russe de "
     "« criminel de guerre ».", "dyad", "RUS-USA:conf"),
    ("co_mentioned_conflict", "Des espions au service des États-Unis et d'Israël ont été arrêtés.", "dyads",
     []),
    ("toned_co_mention", "Pour Moscou, Washington reste un interlocuteur malhonnête et "
     "méprisable.", "dyad", "RUS-USA:conf"),
    ("toned_co_mention", "Les États-Unis et la Russie traversent une période terrible et "
     "douloureuse.", "dyads", []),
    ("toned_co_mention", "Pour Moscou, Washington reste un interlocuteur honnête et fiable.",
     "dyads", []),
    ("joint_fight", "La Russie et les États-Unis luttent ensemble contre Daech.", "evidence",
     "joint:RUS+USA"),
    ("negation_parse", "La Turquie ne souhaite pas, à ce stade, de coopération avec la Russie.",
     "evidence", "not:coopération[REJECT,-4.2]"),
    ("proper_name_entities", "La Russie a rencontré le Conseil de coopération du Golfe.",
     "evidence", "name:coopération[dropped]"),
    ("modality_parse", "La Russie recevra une aide de la Turquie.", "modality", "future"),
    ("deescalation_parse", "Les deux pays ont appelé à cesser sans délai et sans aucune "
     "condition préalable les combats.", "evidence", "cesser>combat[deescalation,+7.6]"),
    ("lone_pair_term", "Mouvements de troupes russes près de l'Ukraine : Washington s'inquiète",
     "dyad", "RUS-USA:conf"),
    ("lone_pair_term", "Washington s'est dit « profondément préoccupé » par les activités militaires "
     "de la Russie.", "dyad", "RUS-USA:conf"),
    ("lone_pair_term", "Le Maroc s'inquiète des répercussions sur l'économie nationale.", "evidence",
     "unnamed:s'inquiéter[dropped]"),
    ("hosting", "Comme colonel du régiment de la Havane, il reçut la mission de former un "
     "régiment de citoyens de la Louisiane.", "evidence", "not_hosting:recevoir[dropped]"),
    ("hosting", "Vladimir Poutine a reçu mardi soir au Kremlin l'émissaire américain Steve "
     "Witkoff.", "dyad", "RUS-USA:coop"),
    ("hosting", "Reçu à Pékin, Vladimir Poutine a signé un communiqué avec Xi Jinping.", "evidence",
     "recevoir[CONSULT"),
    ("lone_pair_term", "Volodymyr Zelensky a été reçu mercredi à la Maison-Blanche par Joe Biden.",
     "dyad", "UKR-USA:coop"),
    ("lone_pair_term", "Le président russe a été reçu mardi par le maire de Lyon.", "evidence",
     "unnamed:recevoir[dropped]"),
    ("call_sense", "Premier appel entre Lloyd Austin et Andreï Belooussov depuis mai", "dyad",
     "RUS-USA:coop"),
    ("call_sense", "Lors d'un nouvel appel, Vladimir Poutine a averti Joe Biden d'une rupture.",
     "evidence", "appel[CONSULT"),
    ("call_sense", "Moscou a rejeté l'appel de Washington à la retenue.", "evidence",
     "not_call:appel[dropped]"),
    ("channel_sense", "Un canal discret subsiste entre le Kremlin et la Maison-Blanche.", "dyad",
     "RUS-USA:coop"),
    ("channel_sense", "Dmitri Medvedev a menacé Washington sur son canal Telegram.", "evidence",
     "not_channel:canal[dropped]"),
    ("channel_sense", "Moscou reproche à Washington d'avoir fermé les canaux de paiement.",
     "evidence", "not_channel:canal[dropped]"),
    ("named_participant", "L'ancêtre commun a apporté une aide précieuse.", "evidence",
     "unnamed:aide[dropped]"),
    ("named_participant", "Nous avons été très déçus par ce restaurant.", "evidence",
     "unnamed:décevoir[dropped]"),
    ("headline_topic", "Ukraine : Joe Biden et ses homologues du G7 promettent de faire « payer » "
     "Poutine", "dyad", "RUS-USA:conf"),
    ("headline_label", "Patriot pour Kiev : Moscou salue le dialogue avec les États-Unis",
     "pairs", ["RUS-USA:coop"]),
    ("promised_harm", "Patriot pour Kiev : Moscou promet aux États-Unis des « conséquences »",
     "pairs", ["RUS-USA:conf"]),
    ("inverted_judgement", "« Les États-Unis livrent des armes à Kiev », a accusé Sergueï Lavrov.",
     "speaker", "Sergueï Lavrov"),
    ("removed_actor", "Les Occidentaux ont exclu la Russie du G8.", "pairs", ["RUS-WEST:conf"]),
    ("reported_accused", "« La Russie prive les Ukrainiens de chauffage », a accusé la "
     "représentante des États-Unis.", "pairs", ["RUS-UKR:conf", "RUS-USA:conf"]),  # priver: 1.29.0
    ("juxtaposed_clause", "Nord Stream : Moscou accuse Londres, Washington se tait", "pairs",
     ["GBR-RUS:conf"]),
    ("condemned_victim", "Washington a condamné l'annexion de quatre régions ukrainiennes.",
     "pairs", []),
    ("noun_target", "La Russie a opposé son veto à un projet de résolution américain condamnant "
     "l'annexion de territoires ukrainiens.", "pairs", ["RUS-USA:conf"]),
    ("drafted_by", "La Russie a opposé son veto à une résolution américano-albanaise.",
     "directed", "RUS>ALB:conf"),
    ("purpose_object", "Joe Biden et ses homologues du G7 sont convenus d'instaurer un plafonnement "
     "du prix du pétrole russe afin de priver Moscou de ressources.", "pairs",
     ["G7-RUS:conf", "G7-USA:coop", "RUS-USA:conf"]),
    ("titled_owner", "Joe Biden et ses homologues du G7 ont décidé de sanctionner la Russie.",
     "directed", "USA>RUS:conf"),
    ("purpose_conflict", "Selon le Washington Post, la CIA aurait partagé avec Kiev des "
     "renseignements ayant permis de cibler des généraux russes.", "directed", "USA>RUS:conf"),
    ("compound_adjective", "Moscou a dénoncé une opération américano-britannique.", "directed",
     "RUS>GBR:conf"),
    ("speaker_relative", "La Russie a suspendu sa participation au traité New Start, a annoncé "
     "mardi Vladimir Poutine, qui accuse les États-Unis de vouloir sa défaite.", "directed",
     "RUS>USA:conf"),
    ("trailing_gerund", "Vladimir Poutine s'est dit prêt à discuter avec Joe Biden « s'il le "
     "souhaite », tout en dénonçant l'« hypocrisie » américaine.", "dyad", "RUS-USA:mixed"),
    ("nominal_parties", "Washington a condamné l'annexion par la Russie de quatre régions "
     "ukrainiennes.", "pairs", ["RUS-UKR:conf", "RUS-USA:conf"]),
    ("negation", "Washington ne veut pas d'« escalade » avec la Russie.", "evidence",
     "not:escalade"),
    ("weapon_compound", "Les États-Unis vont livrer des véhicules de combat à l'Ukraine.",
     "evidence", "weapon:combat[dropped]"),
    ("co_mentioned_conflict", "Ainsi, le général français Philippe Morillon, qui commandait les "
     "forces de l'ONU sur place, accuse :", "pairs", []),
    ("lexicon", "Les États-Unis ont voté jeudi contre une résolution russe.", "directed",
     "USA>RUS:conf"),
    ("lexicon", "Céréales : Moscou se retire de l'accord, Washington dénonce un « chantage ».",
     "evidence", "se retirer de l'accord[REJECT"),
    ("background_conflict", "Washington et Moscou ont signé un accord sur l'espace, malgré le "
     "conflit en Ukraine.", "pairs", ["RUS-USA:coop"]),
    ("background_conflict", "Même au plus fort de la guerre, un canal de discussion subsiste "
     "entre la Maison Blanche et le Kremlin.", "pairs", ["RUS-USA:coop"]),
    ("unplanned_contact", "Le Kremlin a fait savoir qu'aucune rencontre entre Vladimir Poutine et "
     "Joe Biden n'était prévue.", "evidence", "unplanned:rencontre[dropped]"),
    ("quoted_noun", "Vassili Nebenzia a dénoncé l'« hypocrisie » de Washington, que les "
     "Etats-Unis jugeaient trop peu explicite sur le droit d'Israël.", "dyad", "RUS-USA:conf"),
    ("unaccented_capital", "Echange de prisonniers entre Moscou et Washington", "dyad",
     "RUS-USA:coop"),
    ("hyphen_split", "Russie-États-Unis : la guerre froide est de retour", "pairs",
     ["RUS-USA:conf"]),
    ("hyphen_pair", "Moscou-Washington : la guerre froide est de retour", "pairs",
     ["RUS-USA:conf"]),
    ("hyphen_pair", "WASHINGTON - Le Kremlin a dénoncé les sanctions.", "actors", ["RUS"]),
    ("coordinated_clause", "Les États-Unis ont livré des chars à l'Ukraine, et la Russie a "
     "mobilisé ses troupes.", "pairs", ["UKR-USA:coop"]),
    ("answered_act", "La Maison Blanche a annoncé l'envoi de chars à l'Ukraine, et "
     "l'ambassadeur russe a dénoncé une « provocation ».", "directed", "RUS>USA:conf"),
    ("passive_judge", "Sergueï Lavrov a quitté la réunion, après avoir été vivement critiqué par "
     "ses homologues occidentaux.", "directed", "WEST>RUS:conf"),
    ("juxtaposed_reaction", "Patriot pour Kiev : Moscou promet une riposte, Washington balaie les "
     "menaces", "directed", "USA>RUS:conf"),
    ("quoted_epithet", "Joe Biden a dénoncé l'annexion « frauduleuse » de quatre régions d'Ukraine "
     "par la Russie.", "directed", "USA>RUS:conf"),
    ("reflexive_threat", "Moscou et Washington se sont menacés.", "pairs", ["RUS-USA:conf"]),
    ("quoted_coordination", "Vladimir Poutine fustige un Occident « satanique » et des Américains "
     "arrogants.", "pairs", ["RUS-USA:conf", "RUS-WEST:conf"]),
    ("places_topics_datelines", "Sergueï Lavrov a accusé à la tribune de l'ONU les États-Unis de "
     "mentir.", "actors", ["RUS", "USA"]),
    ("judged_apposition", "Joe Biden a annoncé la livraison de missiles Patriot à Kiev, une "
     "décision que l'ambassadeur de Russie, Anatoli Antonov, a jugée « cynique ».", "directed",
     "RUS>USA:conf"),
    ("condemned_act", "Joe Biden a dénoncé vendredi l'annexion de quatre régions ukrainiennes "
     "par la Russie.", "pairs", ["RUS-UKR:conf", "RUS-USA:conf"]),
    ("lexicon", "La loi interdit aussi les importations de pétrole russe.", "evidence",
     "interdire les importations[COERCE"),
    ("release_sense", "Evan Gershkovich, arrêté en Russie pour espionnage : Washington exige sa "
     "libération.", "evidence", "release:libération[dropped]"),
    ("praised_act", "L'UE a adopté des sanctions contre Moscou, que la Maison Blanche a salué.",
     "directed", "USA>RUS:conf"),
    ("praised_act", "Washington a annoncé de nouvelles sanctions contre Moscou, une décision "
     "saluée par Londres.", "dyad", "GBR-RUS:conf"),
    ("instigated_act", "L'ONU suspend la Russie du Conseil des droits de l'homme à l'initiative "
     "de Washington.", "pairs", ["RUS-UN:conf", "RUS-USA:conf"]),
    ("authored_object", "Kiev et Washington ont rejeté la trêve décrétée par Moscou.",
     "directed", "USA>RUS:conf"),
    ("affiliated_object", "Washington sanctionne plus de 200 personnes et entités liées à "
     "Moscou.", "dyad", "RUS-USA:conf"),
    ("co_mentioned_conflict", "Munich : pour Kamala Harris, la Russie a commis des « crimes contre "
     "l'humanité »", "dyad", "RUS-USA:conf"),
    ("co_mentioned_conflict", "Chars pour Kiev : le Kremlin y voit une provocation des "
     "Occidentaux", "pairs", ["RUS-WEST:conf"]),
    ("co_mentioned_conflict", "Pour le Kremlin, les États-Unis sont devenus « partie prenante » "
     "au conflit.", "pairs", ["RUS-USA:conf"]),
    ("co_mentioned_conflict", "Moscou a réduit ses livraisons, une décision que Berlin et "
     "Washington ont qualifiée de « chantage » énergétique.", "dyad", "RUS-USA:conf"),
    ("co_mentioned_conflict", "Une décision que Berlin et Washington ont qualifiée de "
     "« chantage énergétique ».", "pairs", []),
    ("lexicon", "La Russie et les États-Unis ont échangé des menaces.", "pairs", ["RUS-USA:conf"]),
    ("office_term", "Donald Trump a salué Vladimir Poutine.", "actors", ["RUS"], "2022-03-01"),
    ("title_by_date", "« Nous allons coopérer », a déclaré le président américain.", "speaker",
     "Joe Biden", "2022-03-01"),
    # D31 (lexicon 1.19.0, words 1.19.0): each row fails on the rules of 1.18.0
    ("absolute_clause", "Washington a livré des armes à Kiev, la Russie y voyant une provocation.",
     "pairs", ["RUS-USA:conf", "UKR-USA:coop"]),
    ("absolute_clause", "Washington a sanctionné la banque VTB, Donald Trump estimant que ses "
     "conversations avec Vladimir Poutine ne mènent nulle part.", "directed", "USA>RUS:conf"),
    ("appositive_object", "Le département du Trésor a sanctionné les géants pétroliers Rosneft "
     "et Lukoil.", "directed", "USA>RUS:conf"),
    ("treaty_partner", "La Russie suspend sa participation au traité New Start, qui la lie aux "
     "États-Unis.", "directed", "RUS>USA:conf"),
    ("quoted_judgement", "« La décision de la Russie est profondément regrettable », a réagi "
     "Antony Blinken, se disant prêt à discuter avec Moscou.", "pairs", ["RUS-USA:mixed"]),
    ("cooperation_by", "Washington a dégainé des représailles visant la dette souveraine de "
     "Moscou, au lendemain du soutien par Vladimir Poutine aux « républiques » séparatistes.",
     "pairs", ["RUS-USA:conf"]),
    ("clitic_target", "Le directeur de la CIA a rencontré le chef du renseignement russe, "
     "Sergueï Narychkine, pour le mettre en garde.", "directed", "USA>RUS:mixed"),
    ("addressee", "Washington a promis des « conséquences catastrophiques » à Moscou.", "dyad",
     "RUS-USA:conf"),
    ("object_owner", "Le Kremlin s'est insurgé jeudi contre la « participation directe » des "
     "États-Unis au conflit.", "pairs", ["RUS-USA:conf"]),
    ("insult", "La Maison-Blanche a répondu aux propos « hautement provocateurs » de Dmitri "
     "Medvedev.", "evidence", "provocateur[ACCUSE"),
    ("places_topics_datelines", "Des chasseurs russes ont harcelé des drones américains "
     "au-dessus de la Syrie.", "pairs", ["RUS-USA:conf"]),
    ("places_topics_datelines", "Le Kremlin s'est insurgé contre les sanctions américaines.",
     "actors", ["RUS", "USA"]),
    ("negation", "La Russie ne pouvait accepter les conditions de Washington.", "evidence",
     "not:accepter"),
    ("negation", "La Russie ne peut qu'accepter les conditions de Washington.", "evidence",
     "accepter[AGREE"),
    ("passive_praise", "L'Assemblée générale de l'ONU a exigé que la Russie retire ses troupes "
     "d'Ukraine, un vote salué par la Maison-Blanche.", "pairs",
     ["RUS-UN:conf", "RUS-USA:conf", "UN-USA:coop"]),
    ("spoiled_cooperation", "L'Assemblée générale a exigé mercredi que la Russie retire ses "
     "troupes.", "evidence", "exiger>retirer ses troupes[spoiled]"),
    ("lexicon", "C'est tout l'édifice hérité de la fin de la guerre froide qui s'effondre.",
     "evidence", ""),
    # D32 (lexicon 1.21.0, words 1.21.0, actors 1.13.0): each row fails on the rules of 1.20.0
    ("conflict_owner", "Joe Biden, visitant un hôpital touché par une frappe russe, s'est "
     "engagé à renforcer la défense de l'Ukraine.", "pairs", ["UKR-USA:coop"]),
    ("quoted_object_gap", "Moscou a condamné « avec la plus grande fermeté » les raids américains "
     "contre l'Iran.", "directed", "RUS>USA:conf"),
    ("mentions", "Un Su-27 russe a percuté un drone américain.", "directed", "RUS>USA:conf"),
    ("lexicon", "Washington a infligé des pénalités à des responsables russes.", "directed",
     "USA>RUS:conf"),
    ("promised_harm", "Moscou promettait l'apocalypse aux Américains.", "dyad", "RUS-USA:conf"),
    ("inverted_judgement", "« Les Anglo-Saxons sont passés aux attentats », a grondé Vladimir "
     "Poutine.", "speaker", "Vladimir Poutine"),
    ("insult", "Washington a qualifié la frappe russe d'acte de « barbarie ».", "evidence",
     "barbarie[ACCUSE"),
    # D32, second landing (lexicon 1.22.0, words 1.22.0, actors 1.14.0): each row fails on the
    # rules of 1.21.0
    ("speech_sense", "« Les États-Unis sont partie prenante au conflit », a soutenu Sergueï "
     "Riabkov.", "evidence", "speech:soutenir[dropped]"),
    ("condemned_victim", "Washington a mis en garde contre toute annexion de territoires "
     "ukrainiens.", "pairs", []),
    ("trailing_gerund", "Les États-Unis ont riposté à l'annexion de quatre régions ukrainiennes "
     "par la Russie en sanctionnant des centaines de députés russes.", "directed",
     "USA>RUS:conf"),
    ("trailing_gerund", "« Nous voulons voir la Russie affaiblie au point de ne plus pouvoir "
     "refaire ce qu'elle a fait en envahissant l'Ukraine », a déclaré Lloyd Austin.", "pairs",
     ["RUS-UKR:conf", "RUS-USA:conf"]),  # the speaker's goal opposes him to Russia (D41)
    ("answered_act", "Des Patriot américains pour Kiev : Moscou promet une riposte", "directed",
     "RUS>USA:conf"),
    ("answered_act", "Des chars américains pour Kiev : Moscou dénonce une provocation",
     "directed", "RUS>USA:conf"),
    ("mentions", "Des chars russes ont pilonné Kharkiv.", "actors", ["RUS"]),
    ("lexicon", "Il n'avait rien vu de tel depuis la crise des missiles.", "evidence", ""),
    # D32, third round (lexicon 1.23.0, words 1.23.0, actors 1.15.0): each row fails on the
    # rules of 1.22.0
    ("accused_recipient", "Moscou s'obstine à imputer à Washington le sabotage de Nord Stream, "
     "quand bien même les enquêteurs suivraient la piste d'un voilier loué par des Ukrainiens.",
     "directed", "RUS>USA:conf"),
    ("named_owner", "Antony Blinken a jugé la décision russe « profondément regrettable », tout "
     "en se disant disposé à en discuter avec Moscou.", "directed", "USA>RUS:mixed"),
    ("lexicon", "Un an après l'invasion, nouvelle salve de pénalités américaines contre Moscou",
     "dyad", "RUS-USA:conf"),
    ("sport_sense", "L'arbitre a sifflé une pénalité contre les Anglais.", "evidence",
     "sport:pénalité[dropped]"),
    ("lexicon", "TICE : Moscou révoque sa ratification, Washington « profondément préoccupé »",
     "pairs", ["RUS-USA:conf"]),
    ("lexicon", "Moscou a renvoyé la balle aux Américains, soupçonnés de violer les protocoles de "
     "déconfliction.", "pairs", ["RUS-USA:conf"]),
    # D33 (lexicon 1.24.0, words 1.24.0): each row fails on the rules of 1.23.0
    ("trailing_gerund", "Lloyd Austin, patron du Pentagone, a confirmé la présence de soldats "
     "nord-coréens en Russie, avertissant Pyongyang et Moscou de « sérieuses conséquences ».",
     "directed", "USA>RUS:conf"),
    ("participle_accused", "La Russie a ordonné l'expulsion de deux diplomates américains, "
     "accusés d'avoir été en contact avec un employé du consulat.", "pairs", ["RUS-USA:conf"]),
    ("quoted_judgement", "« Washington jette délibérément de l'huile sur le feu », a réagi Dmitri "
     "Peskov.", "directed", "RUS>USA:conf"),
    ("verb_incise", "Des avions russes ont harcelé à trois reprises des drones américains.",
     "directed", "RUS>USA:conf"),
    ("verb_incise", "Moscou a repoussé ces dernières semaines une offre américaine.", "evidence",
     "repousser l'offre[REJECT"),
    ("lexicon", "Moscou a notifié à Washington la suspension des inspections prévues par New "
     "Start.", "evidence", "suspension des inspections[SANCTION"),
    ("removed_from", "Washington a exclu plusieurs banques russes du réseau SWIFT.", "directed",
     "USA>RUS:conf"),
    ("relative_agent", "Washington a sanctionné des sociétés turques qui aident Moscou.", "pairs",
     ["RUS-TUR:coop", "TUR-USA:conf"]),
    ("relative_agent", "Washington a sanctionné des sociétés qui aideraient Moscou à contourner "
     "les restrictions.", "pairs", ["RUS-USA:conf"]),
    ("lexicon", "Le Trésor américain a interdit mercredi tout nouvel investissement en Russie.",
     "evidence", "interdire les investissements[COERCE"),
    ("lexicon", "Les Occidentaux ont décidé d'exclure plusieurs banques russes du système de "
     "messagerie financière Swift.", "pairs", ["RUS-WEST:conf"]),
    # D33, second round (lexicon 1.25.0, words 1.25.0): each row fails on the rules of 1.24.0
    ("lexicon", "Pétrole : Joe Biden ferme le marché américain au brut russe", "dyad",
     "RUS-USA:conf"),
    ("lexicon", "Exportations : Washington coupe l'accès de Moscou aux semi-conducteurs "
     "américains", "dyad", "RUS-USA:conf"),
    ("lexicon", "« Nous traquerons les avoirs des oligarques russes où qu'ils les cachent », a "
     "juré le ministre américain de la Justice.", "dyad", "RUS-USA:conf"),
    ("lexicon", "Sept banques russes ont été déconnectées samedi de la messagerie interbancaire "
     "SWIFT.", "evidence", "messagerie interbancaire[SANCTION"),
    # D35 (lexicon 1.27.0, words 1.27.0, actors 1.16.0): each row fails on the rules of 1.26.0
    ("object_adjective", "Les États-Unis ont sanctionné vendredi plus d'un millier de personnes "
     "et d'entités russes.", "directed", "USA>RUS:conf"),
    ("object_adjective", "Les États-Unis ont interdit les importations de pétrole, de gaz et de "
     "charbon russes.", "directed", "USA>RUS:conf"),
    ("verb_incise", "Paris, Londres et Washington rejettent en bloc les allégations de Moscou.",
     "directed", "USA>RUS:conf"),
    ("conflict_dyads", "Trump est prêt à frapper durement la Russie.", "directed",
     "USA>RUS:conf"),
    ("places_topics_datelines", "Une violation de la Charte des Nations unies, a dit Joe Biden.",
     "actors", ["USA"]),
    ("drafted_by", "La Chine a dénoncé les sanctions décidées par Washington contre Moscou.",
     "pairs", ["CHN-USA:conf", "RUS-USA:conf"]),
    ("titled_owner", "Joe Biden a étrillé l'invasion décidée par le maître du Kremlin.",
     "directed", "USA>RUS:conf"),
    ("reported_accused", "« Les États-Unis doivent cesser d'inonder l'Ukraine de munitions », a "
     "exigé l'ambassadeur russe.", "pairs", ["RUS-USA:conf"]),
    ("declared_target", "Les armes livrées par Washington à Kiev seront des cibles légitimes, "
     "selon le Kremlin.", "pairs", ["RUS-UKR:conf", "RUS-USA:conf"]),
    ("speaker_venue", "Un diplomate russe a averti à l'ONU que les satellites mis par les "
     "Américains au service de l'armée ukrainienne pourraient devenir des « cibles légitimes ».",
     "pairs", ["RUS-UKR:conf", "RUS-USA:conf"]),
    ("passive_halt", "Le Caire : les pourparlers russo-américains sur New Start reportés sine die "
     "par Moscou", "pairs", ["RUS-USA:conf"]),
    ("sport_sense", "À dix jours de quitter la Maison-Blanche, l'équipe Biden a frappé Gazprom "
     "Neft.", "directed", "USA>RUS:conf"),
    ("toned_co_mention", "L'équipe de France a battu la Russie en finale.", "pairs", []),
    ("peace_call", "Washington a réclamé l'arrêt de ses frappes sur les villes.", "evidence",
     "frappe[demanded]"),
    ("warned_of", "Washington avait averti Moscou d'un projet d'attentat.", "pairs",
     ["RUS-USA:coop"]),
    ("compound_head", "Un drone de surveillance américain a été percuté par un chasseur russe.",
     "actors", ["USA", "RUS"]),
    ("blocked_name", "Biden a évoqué la crise de Cuba pour parler de Poutine.", "actors",
     ["USA", "RUS"]),
    ("lexicon", "Entre Moscou et Washington, c'est un dialogue de sourds.", "pairs",
     ["RUS-USA:conf"]),
    ("lexicon", "Or noir : Washington plaide pour plafonner le cours du baril russe", "directed",
     "USA>RUS:conf"),
    ("lexicon", "Le département du Commerce a durci ses contrôles à l'exportation vers la "
     "Russie.", "directed", "USA>RUS:conf"),
    ("lexicon", "Budapest : le tête-à-tête Trump-Poutine renvoyé aux calendes grecques", "pairs",
     ["RUS-USA:conf"]),
    ("lexicon", "Washington met Moscou en demeure de cesser ses achats d'obus.", "pairs",
     ["RUS-USA:conf"]),
    ("lexicon", "« Washington a choisi la diplomatie du mégaphone », a tranché Dmitri Peskov.",
     "pairs", ["RUS-USA:conf"]),
    ("lexicon", "Zaporijjia : pour Blinken, Moscou se sert de la centrale comme d'un « bouclier "
     "nucléaire »", "pairs", ["RUS-USA:conf"]),
    ("lexicon", "Des HIMARS pour Kiev : Washington franchit le pas, Moscou y voit « de l'huile "
     "jetée sur le feu »", "dyad", "RUS-USA:conf"),
    # D35, second round (lexicon 1.28.0, words 1.28.0): each row fails on the rules of 1.27.0
    ("accused_recipient", "Invasion russe de l'Ukraine : Joe Biden promet une riposte « sévère » "
     "à Moscou", "directed", "USA>RUS:conf"),
    ("unlikely_clause", "Deux personnes ont été tuées par un projectile dans un village polonais, "
     "Joe Biden tenant pour « peu probable » qu'il ait été tiré depuis la Russie.", "pairs", []),
    ("places_topics_datelines", "Moscou a reporté les consultations du Caire, a regretté "
     "Washington.", "actors", ["RUS", "USA"]),
    ("lexicon", "Espace aérien : Washington ferme son ciel aux compagnies russes, Moscou promet "
     "la réciproque", "directed", "RUS>USA:conf"),
    ("lexicon", "« Washington est délibérément en train d'attiser le feu », a réagi Dmitri "
     "Peskov.", "directed", "RUS>USA:conf"),
    ("lexicon", "Lavrov : les États-Unis « tirent les ficelles » à Kiev", "evidence",
     "tirer les ficelles[ACCUSE"),
    ("lexicon", "Viktor Bout, le « marchand de mort », a été échangé contre Brittney Griner.",
     "conf", 0),
    # D36 (lexicon 1.29.0, words 1.29.0): each row fails on the rules of 1.28.0
    ("summit_setting", "Antony Blinken et Sergueï Lavrov se sont brièvement parlé en marge du "
     "G20 de New Delhi.", "pairs", ["RUS-USA:coop"]),
    ("aimed_speech", "« Ils se sont mis à détruire l'infrastructure énergétique paneuropéenne », "
     "a tonné le président russe, visant sans détour Washington et Londres.", "pairs",
     ["GBR-RUS:conf", "RUS-USA:conf"]),
    ("unlikely_clause", "Il est « peu probable » que le projectile tombé à Przewodów, qui a tué "
     "deux agriculteurs, ait été tiré depuis la Russie, a estimé Joe Biden.", "pairs", []),
    ("deontic_demand", "Maria Zakharova a rétorqué que Washington ferait mieux de méditer le "
     "bilan de ses propres expéditions armées.", "directed", "RUS>USA:conf"),
    ("object_adjective", "L'administration Biden a frappé plus de 200 personnes et entités "
     "russes.", "dyad", "RUS-USA:conf"),
    ("conflict_target_preposition", "Washington s'en prend à Moscou.", "directed",
     "USA>RUS:conf"),
    ("lexicon", "Commerce : Washington et le G7 privent la Russie de la clause de la nation la "
     "plus favorisée", "directed", "USA>RUS:conf"),
    ("lexicon", "Trois ans après l'invasion, seizième volet de restrictions européennes contre "
     "Moscou", "directed", "EU>RUS:conf"),
    ("lexicon", "Moscou-Washington : entre invectives publiques et coups de fil discrets",
     "evidence", "invective[ACCUSE"),
    # D36, second round (lexicon 1.29.0, words 1.29.0, actors 1.17.0): each row fails on the
    # rules of D36's first round
    ("authorised_act", "ATACMS : Joe Biden autorise Kiev à frapper en profondeur le territoire "
     "russe", "pairs", ["RUS-UKR:conf", "RUS-USA:conf", "UKR-USA:coop"]),
    ("clitic_target", "Lloyd Austin a appelé son homologue russe Sergueï Choïgou pour lui "
     "reprocher un comportement dangereux.", "dyad", "RUS-USA:mixed"),
    ("object_owner", "Moscou a jugé « inacceptable » le refus de Washington d'accorder des "
     "visas aux journalistes russes devant accompagner Sergueï Lavrov à New York.", "directed",
     "RUS>USA:conf"),
    ("noun_target", "Moscou ferme son espace aérien à tous les avions américains.", "directed",
     "RUS>USA:conf"),
    ("nationality_adjective_head", "Moscou impute la chute du drone à une « manœuvre brusque » "
     "de l'aéronef américain.", "dyad", "RUS-USA:conf"),
    ("warned_of", "Washington avait averti Moscou de l'imminence d'un attentat contre un grand "
     "rassemblement.", "dyad", "RUS-USA:coop"),
    ("lexicon", "Un Su-35 russe a violé l'espace aérien estonien.", "directed", "RUS>EST:conf"),
    ("lexicon", "Varsovie dénonce la violation de son espace aérien par des drones russes.",
     "evidence", "violation de l'espace aérien[MOBILIZE"),
    ("lexicon", "« La partie américaine enfreint sans cesse les règles », a rétorqué le "
     "ministère russe de la Défense.", "directed", "RUS>USA:conf"),
    ("lexicon", "La Nasa et Roscosmos ont prolongé leur arrangement de sièges croisés.", "conf",
     0),
    ("sent_warning", "Moscou a adressé à Washington une note diplomatique mettant en garde "
     "contre des « conséquences imprévisibles » si les transferts d'armements vers l'Ukraine "
     "se poursuivaient.", "directed", "RUS>USA:conf"),
    ("conflict_dyads", "Washington a sanctionné vendredi plus de 300 députés de la Douma ainsi "
     "que la gouverneure de la Banque centrale russe, en représailles à l'annexion de quatre "
     "régions ukrainiennes.", "directed", "USA>RUS:conf"),
    ("conflict_dyads", "Moscou et Kiev se renvoient la responsabilité des bombardements contre "
     "la centrale nucléaire de Zaporijjia, dont l'AIEA réclame l'accès.", "dyad", "RUS-UKR:conf"),
    # D36 vocabulary and actors without a row above (review)
    ("lexicon", "Le Trésor américain veut assécher les revenus du Kremlin.", "directed",
     "USA>RUS:conf"),
    ("lexicon", "Le Kremlin a décidé l'expropriation des entreprises américaines.", "directed",
     "RUS>USA:conf"),
    ("mentions", "Washington a sanctionné Gazprombank.", "directed", "USA>RUS:conf"),
    # D37 (lexicon 1.30.0, words 1.30.0, actors 1.18.0): each row fails on the rules of 1.29.0
    ("dismayed_party", "Ottawa a accordé une dérogation pour restituer à l'Allemagne une turbine "
     "de Nord Stream, au grand dam de Kiev, qui y voit un dangereux précédent.", "pairs",
     ["CAN-DEU:coop", "CAN-UKR:conf"]),
    ("dismayed_party", "La Russie et la Chine ont opposé leur veto à la résolution, au grand "
     "regret des États-Unis.", "directed", "USA>CHN:conf"),  # coordinated subjects (review)
    ("dismayed_party", "Le retrait de Washington du traité, au grand dam de Moscou.", "directed",
     "RUS>USA:conf"),  # no subject: the first actor named, the nominal act's owner
    ("removed_actor", "Conseil des droits de l'homme : Washington obtient la suspension de "
     "Moscou", "directed", "USA>RUS:conf"),
    ("removed_actor", "Exclure Moscou du Conseil des droits de l'homme relève du symbole.",
     "directed", "UN>RUS:conf"),
    ("removed_actor", "Le plus vaste échange de prisonniers entre la Russie et les Occidentaux "
     "depuis la fin de l'URSS a eu lieu à Ankara.", "pairs", ["RUS-WEST:coop"]),
    ("topic_speech", "« Ces allégations n'ont aucun fondement, c'est de la russophobie pure et "
     "simple », a balayé Dmitri Peskov au sujet des poursuites américaines.", "directed",
     "RUS>USA:conf"),
    ("mentions", "Moscou a claqué la porte du Conseil des droits de l'homme.", "pairs",
     ["RUS-UN:conf"]),
    ("mentions", "RT accusée par Washington de mener des opérations clandestines en Afrique",
     "directed", "USA>RUS:conf"),
    ("mentions", "Washington accuse RT France de désinformation.", "pairs", ["RUS-USA:conf"]),
    ("lexicon", "Que Moscou et Washington se renvoient la balle n'a rien changé.", "dyad",
     "RUS-USA:conf"),
    ("lexicon", "L'Inde a tourné le dos à Moscou.", "directed", "IND>RUS:conf"),
    ("lexicon", "Le Pentagone a débloqué 625 millions pour Kiev, tandis que Moscou criait à "
     "l'« escalade directe ».", "directed", "RUS>USA:conf"),
    ("detaining_state", "Un sergent américain arrêté en Russie pour vol, Washington "
     "réclame un accès consulaire", "dyad", "RUS-USA:conf"),
    # D38 (lexicon 1.32.0, words 1.32.0, actors 1.19.0): each row fails on the rules of 1.31.0
    ("concerted_act", "Washington a sanctionné sept hauts responsables russes, dont le directeur "
     "du FSB, dans une action coordonnée avec l'Union européenne.", "pairs",
     ["EU-USA:coop", "RUS-USA:conf"]),
    ("speech_sense", "Le ministère russe de la Défense soutient avoir contraint le destroyer "
     "américain à rebrousser chemin.", "coop", 0),
    ("places_topics_datelines", "Un tribunal moscovite a condamné l'ancien marine américain "
     "à seize ans de camp à régime sévère.", "actors", ["RUS", "USA"]),
    ("lexicon", "« Liste du Kremlin » : le Trésor américain épingle 210 oligarques et "
     "dignitaires russes", "directed", "USA>RUS:conf"),
    ("lexicon", "Le rouble a dévissé, signe que les marchés prennent au sérieux les menaces "
     "de Washington contre Moscou.", "coop", 0),
    ("lexicon", "Antony Blinken s'est engagé à demander des comptes à la Russie.", "directed",
     "USA>RUS:conf"),
    ("lexicon", "« Le caractère impérialiste de ce document saute aux yeux », a commenté Dmitri "
     "Peskov au sujet de la stratégie américaine.", "dyad", "RUS-USA:conf"),
    ("mentions", "Le procureur spécial Robert Mueller a inculpé douze officiers du GRU.",
     "actors", ["USA", "RUS"]),
    ("object_adjective", "Washington a sanctionné sept hauts responsables russes.", "directed",
     "USA>RUS:conf"),
    ("sport_sense", "En s'attaquant à Rusal, Washington a découvert que l'offensive économique "
     "contre Moscou produisait des effets.", "evidence", "attaquer[ASSAULT"),  # no sport noun
    ("lexicon", "Le ministère russe affirme avoir contraint un destroyer américain à faire "
     "demi-tour.", "dyad", "RUS-USA:conf"),
    ("lexicon", "Moscou et Pékin signent un mémorandum « juridiquement contraignant ».", "conf", 0),
    ("lexicon", "La stratégie américaine range la Russie parmi les puissances « révisionnistes ».",
     "conf", 1),
    # D39 (words 1.32.0): a rival pair named as two sides of a conflict sentence
    ("rival_pair", "À l'ONU, Trump traite la Russie de « tigre de papier » et juge que "
     "l'Ukraine peut reconquérir tout son territoire", "dyad", "RUS-USA:conf"),
    ("rival_pair", "La Russie et les États-Unis ont condamné l'attaque contre la Syrie.", "pairs",
     ["RUS-SYR:conf", "RUS-USA:coop", "SYR-USA:conf"]),  # one coordinated side: no rivals
    # D37, second round (lexicon 1.31.0, words 1.31.0): each row fails on D37's first round
    ("juxtaposed_clause", "Pétrole : Moscou et Riyad font front commun, Washington fulmine",
     "pairs", ["RUS-SAU:coop", "RUS-USA:conf", "SAU-USA:conf"]),
    ("proper_name", "Sommet de l'OTAN à Washington : Antony Blinken promet à Kiev un « pont » "
     "vers l'adhésion, Moscou fulmine", "pairs", ["RUS-USA:conf", "UKR-USA:coop"]),
    ("lexicon", "Pourparlers d'Istanbul : l'absence de Poutine agace Washington", "dyad",
     "RUS-USA:conf"),
    ("lexicon", "Washington brandit des tarifs secondaires contre Moscou.", "directed",
     "USA>RUS:conf"),
    ("lexicon", "« Le Kremlin nous mène en bateau », a estimé Donald Trump.", "directed",
     "USA>RUS:conf"),
    # D40: a call for a truce is a call for peace; a rival pair's contact carries its reproaches
    ("truce_call", "Le chef du Pentagone a exhorté son homologue russe à instaurer "
     "« immédiatement » un cessez-le-feu.", "evidence", "exhorter>cessez-le-feu[truce_call]"),
    ("truce_call", "Premier contact Austin-Choïgou depuis février : Washington réclame une trêve",
     "conf", 0),
    ("truce_call", "Washington exige de Moscou qu'elle respecte enfin sa trêve.", "conf", 1),
    ("rival_contact", "Antony Blinken a réclamé, lors d'un appel avec Sergueï Lavrov, la "
     "libération du journaliste.", "dyad", "RUS-USA:mixed"),
    ("rival_contact", "Lors d'un entretien avec Sergueï Lavrov, Antony Blinken a jugé "
     "« inacceptable » la détention du journaliste.", "dyad", "RUS-USA:mixed"),
    ("rival_contact", "Joe Biden a téléphoné à Vladimir Poutine pour évoquer le sort du pilote "
     "Iarochenko, condamné pour trafic.", "directed", "USA>RUS:coop"),  # a person described
    # D41: one rival related to a third actor, the other to no one
    ("rival_third", "Selon Moscou, les livraisons d'armes américaines à Kiev font des États-Unis "
     "une « partie au conflit ».", "pairs", ["RUS-USA:conf", "UKR-USA:coop"]),
    ("rival_third", "Pluie de missiles russes sur Kiev : Washington promet à l'Ukraine des "
     "systèmes de défense antiaérienne", "pairs", ["UKR-USA:coop"]),  # Russia's own act
    # D42 (words 1.33.0): a treaty referred to is no agreement made
    ("referenced_text", "Moscou a suspendu les inspections américaines prévues par le traité "
     "New Start.", "coop", 0),
    ("referenced_text", "Moscou et Washington ont signé le traité New Start.", "coop", 1),
]
#: rows with their date (None: no date)
DATED_CASES = [(*c, None) if len(c) == 4 else c for c in CASES]

_SCORERS: dict[str, FrameScorer] = {}


def _last_sentence(mode: str, text: str, date: str | None = None):
    scorer = _SCORERS.setdefault(mode, FrameScorer(mode=mode).fit())
    return scorer.score_texts(text.split("||"), date=date)[-1][-1]


def _rule(name: str):
    return next(r for r in RULES if r.name == name)


def test_registry_matches_its_snapshot():
    """Adding, removing or reordering a rule updates tests/golden/rules.tsv on purpose."""
    assert describe() == SNAPSHOT.read_text("utf-8")


def test_every_rule_resolves_and_has_a_test_row():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)), "rule names must be unique"
    for r in RULES:
        func = r.resolve()
        assert callable(func) and (func.__doc__ or "").strip(), r.name
    assert {c[0] for c in CASES} == set(names)


def test_dropped_rules_are_labels():
    assert DROPPED_RULES <= RULE_LABELS
    assert DROPPED_RULES == {"negated_conf", "proper_name", "deescalated", "spoiled", "pledged_conflict",
                             "sport", "intra_actor", "unnamed", "descriptive", "endorsed",
                             "allied_side", "not_named", "peace_call", "demanded", "truce_call",
                             "referenced_text", "hosting", "call_sense", "channel_sense",
                             "since_contact", "weapon_name", "called_for",
                             "noun_reading", "document", "unplanned", "no_talks", "release",
                             "promised_content", "speech_sense", "warned_of"}


@pytest.mark.parametrize(("rule", "text", "field", "expected", "date"), DATED_CASES,
                         ids=[c[0] for c in CASES])
def test_rule_row(rule: str, text: str, field: str, expected: object, date: str | None):
    for mode in _rule(rule).modes:
        s = _last_sentence(mode, text, date)
        if field == "evidence" and expected == "":
            assert s.evidence == "" and not s.coop and not s.conf, mode
        elif field in ("evidence", "speaker"):
            assert expected in getattr(s, field), (mode, getattr(s, field))
        elif field == "dyad":
            found = {f"{d['actor_a']}-{d['actor_b']}:{d['relation']}" for d in s.dyads}
            assert expected in found, (mode, found)
        elif field == "pairs":  # every dyad, nothing more
            found = sorted(f"{d['actor_a']}-{d['actor_b']}:{d['relation']}" for d in s.dyads)
            assert found == expected, (mode, found)
        elif field == "directed":
            found = {f"{d['source']}>{d['target']}:{d['relation']}" for d in s.dyads}
            assert expected in found, (mode, found)
        else:
            assert getattr(s, field) == expected, (mode, getattr(s, field))


def test_answered_act_leaves_a_denounced_cooperation_alone():
    """"Moscou dénonce un accord": the denunciation's object is that accord, not the act of
    the clause before it (``answered_act``'s exception): no Russia-US conflict."""
    text = ("Céréales : Washington salue le rôle de la Turquie, Moscou dénonce un accord « à sens "
            "unique »")
    for mode in _rule("answered_act").modes:
        found = {d["relation"] for d in _last_sentence(mode, text).dyads
                 if {d["actor_a"], d["actor_b"]} == {"RUS", "USA"}}
        assert not found & {"conf", "mixed"}, (mode, found)


def test_event_rule_labels_seen_in_output_are_registered():
    """Every ``rule`` value the scorer writes on the rows above is a registered label."""
    seen = {ev["rule"] for mode in ("full", "fast", "lexical") for _, text, _, _, date in DATED_CASES
            for ev in _last_sentence(mode, text, date).events}
    assert seen <= RULE_LABELS, seen - RULE_LABELS


@pytest.mark.parametrize("rule", ["office_term", "title_by_date"])
def test_date_rules_change_nothing_without_a_date(rule: str):
    """Without the article's date the date rules' rows score as before them."""
    _, text, field, expected, date = next(c for c in DATED_CASES if c[0] == rule)
    for mode in _rule(rule).modes:
        assert getattr(_last_sentence(mode, text), field) != expected, mode
        assert _last_sentence(mode, text, "") == _last_sentence(mode, text), mode


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
def test_evidence_names_the_noun_of_a_class_slot(mode: str):
    """A term's noun-class slot shows the noun it matched; triggers keep the lexicon term."""
    ex = FrameScorer(mode=mode).fit().explain(["Washington a livré des missiles à Kiev.",
                                               "Berlin a promis la livraison de chars à Kiev."])
    assert ex["evidence"].tolist() == ["livrer des &arme=missiles[AID,+7.4]",
                                       "promettre[AGREE,+4.2]; livraison de &arme=chars[AID,+7.4]"]
    assert ex["triggers"].tolist() == ["livrer des &arme", "promettre;livraison de &arme"]


@pytest.mark.parametrize(("text", "opens"), [
    ("Moscou ripostera si Washington livre des missiles.", True),
    ("Moscou ripostera si les États-Unis livrent des missiles.", True),
    ("Moscou ripostera s'il le faut.", True),
    ("Les négociations sont si avancées.", False),
    ("Il s'est dit prêt à négocier.", False),
])
def test_condition_opens_at_si_before_a_subject(text: str, opens: bool):
    """"si" (or "s'" before il/ils) opens a condition clause before a determiner, a name or a
    subject pronoun; the adverb ("si avancées") and the reflexive ("s'est") do not."""
    from analysis.nlp import parse
    from analysis.scoring.parties import condition_opens
    from analysis.scoring.tokens import sentence_tokens

    sent = next(next(iter(parse([text], "fast"))).sents)
    toks = sentence_tokens(sent, False, [])
    marks = [k for k, t in enumerate(toks) if t.w in ("si", "se")]
    assert marks
    assert any(condition_opens(toks, k) for k in marks) is opens


@pytest.mark.parametrize(("text", "holds"), [
    ("Deux Américains détenus en Russie.", True),
    ("Un Américain détenu depuis trois longues années en Russie.", True),  # five words between
    ("Un Américain détenu depuis trois très longues années déjà en Russie.", False),  # seven
    ("Deux Américains ont voyagé en Russie.", False),
])
def test_detaining_state_looks_five_words_back(text: str, holds: bool):
    """A detention word (``detention_words``) makes the state after "en" the one holding
    the prisoner only within the five words before the locative (rule ``detaining_state``)."""
    from analysis.nlp import parse
    from analysis.scoring.actors import detaining_state
    from analysis.scoring.tokens import sentence_tokens

    sent = next(next(iter(parse([text], "fast"))).sents)
    toks = sentence_tokens(sent, False, [])
    russia = next(k for k, t in enumerate(toks) if t.w == "russie")
    assert detaining_state(toks, russia) is holds


def test_phrase_at_and_phrases_in_find_the_same_starts():
    """``tokens.phrases_in`` finds every start :func:`tokens.phrase_at` finds (first phrase
    that matches there), and nothing past the sentence's end."""
    from types import SimpleNamespace

    from analysis.scoring.tokens import phrase_at, phrases_in

    toks = [SimpleNamespace(w=w) for w in "a balayé peskov au sujet des poursuites au".split()]
    phrases = (("au", "sujet"), ("à", "propos"))
    assert phrases_in(toks, phrases) == [(3, 2)]
    assert [phrase_at(toks, k, phrases) for k in range(-1, len(toks) + 1)] == \
        [0, 0, 0, 0, 2, 0, 0, 0, 0, 0]


def test_blamed_act_skips_an_act_whose_phrase_names_no_party():
    """"Le Kremlin a apporté son soutien à Pékin pour attiser les tensions": the support's
    own phrase names no giver, so ``blamed_act`` has no act to blame (it raised IndexError,
    found by the eighteenth written probe) and the support stays a cooperation."""
    text = "Le Kremlin a apporté son soutien à Pékin pour attiser les tensions."
    for mode in _rule("blamed_act").modes:
        found = {f"{d['actor_a']}-{d['actor_b']}:{d['relation']}"
                 for d in _last_sentence(mode, text).dyads}
        assert "CHN-RUS:coop" in found, (mode, found)


@pytest.mark.parametrize("mode", ["full", "fast", "lexical"])
@pytest.mark.parametrize(("text", "term"), [
    ("Washington a proscrit toute importation de pétrole russe.", "proscrire les importations"),
    ("Le Trésor américain a interdit toute transaction avec la banque centrale russe.",
     "interdire les transactions"),
])
def test_a_quantifier_stands_for_an_expressions_determiner(mode: str, text: str, term: str):
    """"toute importation" fills the determiner of "interdire les importations" (words
    determiner_quantifiers), and "proscrit" is a form of proscrire (the ending crire)."""
    s = _last_sentence(mode, text)
    assert f"{term}[COERCE" in s.evidence and s.conf, (mode, s.evidence)
    assert {f"{d['actor_a']}-{d['actor_b']}:{d['relation']}" for d in s.dyads} == {"RUS-USA:conf"}
