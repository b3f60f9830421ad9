"""Regenerate kg/gazetteer/data/bodies.tsv: the State Council's bodies, the United Nations system,
and other national and international bodies.

The State Council's bodies are its complete public list as the 2023 reform of the State
Council's institutions left it (国务院机构改革方案, adopted by the 14th NPC on 2023-03-10, and
the State Council's notice on its institutions of 2023-03-16): the General Office, the
constituent departments (组成部门), the special directly affiliated institution (直属特设机构),
the directly affiliated institutions (直属机构), the administrative office (办事机构), the
directly affiliated public institutions (直属事业单位) and the national administrations the
ministries administer (部委管理的国家局). Each is written by its full name, with the short
forms texts use (外交部 for 中华人民共和国外交部, 发改委). Bodies at the head of a place's
government (市外办, 省商务厅) are patterns over any place, not entries (kg/nlp/entities/bodies.toml).

The United Nations system's specialized agencies, funds and programmes and related
organisations are the UN System Chart's, by their Chinese names in UN usage.

The other bodies are a short list of national and international bodies that foreign-affairs
texts name (the CPPCC, the NPC, the friendship associations, the UN and its agencies, news
agencies): a list of names whose shapes no rule reads, kept here so that the whole file is made
by this script.

Run: python scripts/build_bodies.py [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "kg" / "gazetteer" / "data"

PRC = "中华人民共和国"

# The State Council's bodies: (name, English name, short forms). A constituent department's full
# name starts with 中华人民共和国 where its own name does not start with 国家 or 中国 (the
# State Council's list writes 外交部, the department's seal 中华人民共和国外交部).
STATE_COUNCIL: list[tuple[str, str, list[str]]] = [
    (PRC + "国务院", "State Council of the PRC", ["国务院"]),
    ("国务院办公厅", "General Office of the State Council", []),
    # Constituent departments (组成部门, 26).
    (PRC + "外交部", "Ministry of Foreign Affairs of the PRC", ["外交部"]),
    (PRC + "国防部", "Ministry of National Defense of the PRC", ["国防部"]),
    (PRC + "国家发展和改革委员会", "National Development and Reform Commission", ["国家发展和改革委员会", "国家发展改革委", "国家发改委"]),
    (PRC + "教育部", "Ministry of Education of the PRC", ["教育部"]),
    (PRC + "科学技术部", "Ministry of Science and Technology of the PRC", ["科学技术部", "科技部"]),
    (PRC + "工业和信息化部", "Ministry of Industry and Information Technology of the PRC", ["工业和信息化部", "工信部"]),
    (PRC + "国家民族事务委员会", "National Ethnic Affairs Commission", ["国家民族事务委员会", "国家民委"]),
    (PRC + "公安部", "Ministry of Public Security of the PRC", ["公安部"]),
    (PRC + "国家安全部", "Ministry of State Security of the PRC", ["国家安全部"]),
    (PRC + "民政部", "Ministry of Civil Affairs of the PRC", ["民政部"]),
    (PRC + "司法部", "Ministry of Justice of the PRC", ["司法部"]),
    (PRC + "财政部", "Ministry of Finance of the PRC", ["财政部"]),
    (PRC + "人力资源和社会保障部", "Ministry of Human Resources and Social Security of the PRC", ["人力资源和社会保障部", "人社部"]),
    (PRC + "自然资源部", "Ministry of Natural Resources of the PRC", ["自然资源部"]),
    (PRC + "生态环境部", "Ministry of Ecology and Environment of the PRC", ["生态环境部"]),
    (PRC + "住房和城乡建设部", "Ministry of Housing and Urban-Rural Development of the PRC", ["住房和城乡建设部", "住建部"]),
    (PRC + "交通运输部", "Ministry of Transport of the PRC", ["交通运输部"]),
    (PRC + "水利部", "Ministry of Water Resources of the PRC", ["水利部"]),
    (PRC + "农业农村部", "Ministry of Agriculture and Rural Affairs of the PRC", ["农业农村部"]),
    (PRC + "商务部", "Ministry of Commerce of the PRC", ["商务部"]),
    (PRC + "文化和旅游部", "Ministry of Culture and Tourism of the PRC", ["文化和旅游部", "文旅部"]),
    (PRC + "国家卫生健康委员会", "National Health Commission", ["国家卫生健康委员会", "国家卫健委"]),
    (PRC + "退役军人事务部", "Ministry of Veterans Affairs of the PRC", ["退役军人事务部"]),
    (PRC + "应急管理部", "Ministry of Emergency Management of the PRC", ["应急管理部"]),
    ("中国人民银行", "People's Bank of China", ["人民银行", "央行"]),
    (PRC + "审计署", "National Audit Office of the PRC", ["审计署"]),
    # The special directly affiliated institution (直属特设机构).
    ("国务院国有资产监督管理委员会", "State-owned Assets Supervision and Administration Commission", ["国务院国资委"]),
    # Directly affiliated institutions (直属机构).
    (PRC + "海关总署", "General Administration of Customs of the PRC", ["海关总署"]),
    ("国家税务总局", "State Taxation Administration", []),
    ("国家市场监督管理总局", "State Administration for Market Regulation", []),
    ("国家金融监督管理总局", "National Financial Regulatory Administration", []),
    ("中国证券监督管理委员会", "China Securities Regulatory Commission", ["中国证监会"]),
    ("国家广播电视总局", "National Radio and Television Administration", []),
    ("国家体育总局", "General Administration of Sport of China", []),
    ("国家信访局", "National Public Complaints and Proposals Administration", []),
    ("国家统计局", "National Bureau of Statistics", []),
    ("国家知识产权局", "China National Intellectual Property Administration", []),
    ("国家国际发展合作署", "China International Development Cooperation Agency", []),
    ("国家医疗保障局", "National Healthcare Security Administration", []),
    ("国务院参事室", "Counsellors' Office of the State Council", []),
    ("国家机关事务管理局", "National Government Offices Administration", []),
    # The administrative office (办事机构), and the offices of the Party's Central Committee that keep
    # the State Council's names for their work with governments abroad and in the SARs.
    ("国务院研究室", "Research Office of the State Council", []),
    ("国务院港澳事务办公室", "Hong Kong and Macao Affairs Office of the State Council", ["国务院港澳办"]),
    ("国务院台湾事务办公室", "Taiwan Affairs Office of the State Council", ["国台办"]),
    ("国务院新闻办公室", "State Council Information Office", ["国务院新闻办", "国新办"]),
    ("国务院侨务办公室", "Overseas Chinese Affairs Office of the State Council", ["国务院侨办", "国侨办"]),
    # Directly affiliated public institutions (直属事业单位).
    ("新华社", "Xinhua News Agency", ["新华通讯社"]),
    ("中国科学院", "Chinese Academy of Sciences", ["中科院"]),
    ("中国社会科学院", "Chinese Academy of Social Sciences", ["社科院"]),
    ("中国工程院", "Chinese Academy of Engineering", []),
    ("国务院发展研究中心", "Development Research Center of the State Council", []),
    ("中央广播电视总台", "China Media Group", []),
    ("中国气象局", "China Meteorological Administration", []),
    # National administrations the ministries administer (部委管理的国家局).
    ("国家粮食和物资储备局", "National Food and Strategic Reserves Administration", []),
    ("国家能源局", "National Energy Administration", []),
    ("国家数据局", "National Data Administration", []),
    ("国家国防科技工业局", "State Administration of Science, Technology and Industry for National Defense", []),
    ("国家烟草专卖局", "State Tobacco Monopoly Administration", []),
    ("国家移民管理局", "National Immigration Administration", []),
    ("国家林业和草原局", "National Forestry and Grassland Administration", []),
    ("国家铁路局", "National Railway Administration", []),
    ("中国民用航空局", "Civil Aviation Administration of China", ["中国民航局"]),
    ("国家邮政局", "State Post Bureau", []),
    ("国家文物局", "National Cultural Heritage Administration", []),
    ("国家中医药管理局", "National Administration of Traditional Chinese Medicine", []),
    ("国家疾病预防控制局", "National Disease Control and Prevention Administration", []),
    ("国家矿山安全监察局", "National Mine Safety Administration", []),
    ("国家消防救援局", "National Fire and Rescue Administration", []),
    ("国家外汇管理局", "State Administration of Foreign Exchange", []),
    ("国家药品监督管理局", "National Medical Products Administration", []),
]

# The United Nations system's specialized agencies, funds and programmes and related organisations
# (the UN System Chart), by their Chinese names in UN usage: (name, English, short forms). The UN
# itself, UNESCO, the WHO, the WTO, the IMF and the World Bank are among the other bodies below.
UN_SYSTEM: list[tuple[str, str, list[str]]] = [
    ("联合国粮食及农业组织", "Food and Agriculture Organization of the United Nations", ["联合国粮农组织", "粮农组织"]),
    ("国际民用航空组织", "International Civil Aviation Organization", ["国际民航组织"]),
    ("国际农业发展基金", "International Fund for Agricultural Development", ["农发基金"]),
    ("国际劳工组织", "International Labour Organization", ["国际劳工局"]),
    ("国际海事组织", "International Maritime Organization", []),
    ("国际电信联盟", "International Telecommunication Union", ["国际电联"]),
    ("联合国工业发展组织", "United Nations Industrial Development Organization", ["工发组织"]),
    ("万国邮政联盟", "Universal Postal Union", ["万国邮联"]),
    ("世界知识产权组织", "World Intellectual Property Organization", []),
    ("世界气象组织", "World Meteorological Organization", []),
    ("联合国旅游组织", "UN Tourism", ["世界旅游组织"]),
    ("联合国开发计划署", "United Nations Development Programme", []),
    ("联合国环境规划署", "United Nations Environment Programme", []),
    ("联合国儿童基金会", "United Nations Children's Fund", []),
    ("联合国人口基金", "United Nations Population Fund", []),
    ("联合国人类住区规划署", "United Nations Human Settlements Programme", ["联合国人居署"]),
    ("世界粮食计划署", "World Food Programme", ["世界粮食署"]),
    ("联合国难民事务高级专员办事处", "Office of the United Nations High Commissioner for Refugees", ["联合国难民署"]),
    ("联合国贸易和发展会议", "United Nations Conference on Trade and Development", ["联合国贸发会议", "贸发会议"]),
    ("国际原子能机构", "International Atomic Energy Agency", []),
]

# Other national and international bodies foreign-affairs texts name: (name, English, ISO
# country, short forms, Wikidata id).
OTHER: list[tuple[str, str, str, list[str], str]] = [
    ("外交部新闻司", "Information Department, Ministry of Foreign Affairs", "CN", [], ""),
    ("中国人民政治协商会议全国委员会", "National Committee of the CPPCC", "CN", ["全国政协"], ""),
    ("全国人民代表大会", "National People's Congress", "CN", ["全国人大"], ""),
    ("中国外文局", "China International Communications Group", "CN", ["中国外文出版发行事业局"], ""),
    ("中国人民对外友好协会", "Chinese People's Association for Friendship with Foreign Countries", "CN",
     ["全国对外友协", "全国友协", "中国对外友协"], ""),
    ("中俄友好协会", "China-Russia Friendship Association", "CN", [], ""),
    ("中国国际问题研究院", "China Institute of International Studies", "CN", [], ""),
    ("中国国际经济交流中心", "China Center for International Economic Exchanges", "CN", [], ""),
    ("清华大学", "Tsinghua University", "CN", [], "Q16955"),
    ("北京大学", "Peking University", "CN", [], "Q16952"),
    ("中国人民大学", "Renmin University of China", "CN", [], ""),
    ("北京外国语大学", "Beijing Foreign Studies University", "CN", [], ""),
    ("北京科技大学", "University of Science and Technology Beijing", "CN", [], ""),
    ("对外经济贸易大学", "University of International Business and Economics", "CN", ["贸大"], ""),
    ("人民日报", "People's Daily", "CN", [], ""),
    ("光明日报", "Guangming Daily", "CN", [], ""),
    ("参考消息", "Reference News", "CN", [], ""),
    ("中央电视台", "China Central Television", "CN", ["央视"], ""),
    ("环球网", "Huanqiu.com", "CN", [], ""),
    ("新浪新闻", "Sina News", "CN", [], ""),
    ("澎湃新闻", "The Paper", "CN", [], ""),
    ("美联社", "Associated Press", "US", [], "Q40469"),
    ("路透社", "Reuters", "GB", [], "Q130879"),
    ("法新社", "Agence France-Presse", "FR", [], "Q40464"),
    ("共同社", "Kyodo News", "JP", [], ""),
    ("朝日新闻", "Asahi Shimbun", "JP", [], ""),
    ("联合国", "United Nations", "", [], "Q1065"),
    ("联合国教科文组织", "UNESCO", "", [], "Q7809"),
    ("世界卫生组织", "World Health Organization", "", ["世卫组织"], "Q7817"),
    ("世界贸易组织", "World Trade Organization", "", ["世贸组织"], "Q7825"),
    ("亚洲基础设施投资银行", "Asian Infrastructure Investment Bank", "", ["亚投行"], ""),
    ("亚太经济合作组织", "Asia-Pacific Economic Cooperation", "", ["APEC", "亚太经合组织"], "Q123759"),
    ("上海合作组织", "Shanghai Cooperation Organisation", "", ["上合组织"], "Q485207"),
    ("世界城市和地方政府联盟", "United Cities and Local Governments", "", [], ""),
    ("世界自然基金会", "World Wide Fund for Nature", "", ["WWF"], ""),
    ("国际奥林匹克委员会", "International Olympic Committee", "", ["国际奥委会"], "Q40970"),
    ("世界银行", "World Bank", "", [], ""),
    ("国际货币基金组织", "International Monetary Fund", "", [], "Q7804"),
    ("欧洲联盟", "European Union", "", ["欧盟"], "Q458"),
    ("东南亚国家联盟", "Association of Southeast Asian Nations", "", ["东盟"], "Q7768"),
    ("香港特别行政区政府", "Government of the Hong Kong SAR", "HK", ["香港特区政府"], ""),
    ("澳门特别行政区政府", "Government of the Macao SAR", "MO", ["澳门特区政府"], ""),
]

# Wikidata ids of the State Council's bodies most often named.
WIKIDATA = {"新华社": "Q204839"}


def rows() -> list[list[str]]:
    out = [["zh", "en", "country", "type", "aliases", "wikidata"]]
    seen: set[str] = set()
    for zh, en, short in STATE_COUNCIL:
        out.append([zh, en, "CN", "Organization", "|".join(short), WIKIDATA.get(zh, "")])
        seen.add(zh)
    for zh, en, short in UN_SYSTEM:
        out.append([zh, en, "", "Organization", "|".join(short), ""])
        seen.add(zh)
    for zh, en, country, short, qid in OTHER:
        if zh in seen:
            raise ValueError(f"{zh} is listed twice")
        out.append([zh, en, country, "Organization", "|".join(short), qid])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT, help="where to write bodies.tsv (default: the package's data)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "bodies.tsv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", lineterminator="\n").writerows(rows())


if __name__ == "__main__":
    main()
