import type { CurriculumTemplate } from '../curriculum-module.js';

export const cbtDepression8: CurriculumTemplate = {
  key: 'cbt-depression-8',
  title: 'Group CBT for Depression (8 sessions)',
  description:
    'An eight-session cognitive behavioural therapy group for people living with low mood. ' +
    'Members learn how thoughts, feelings and actions affect one another, rebuild routine ' +
    'through behavioural activation, practise noticing and rebalancing unhelpful thoughts, ' +
    'try structured problem solving, and finish with a personal plan for staying well.',
  approach: 'cbt',
  sessionMinutes: 90,
  modules: [
    // Session 1
    {
      title: 'Welcome and the CBT model',
      goals: [
        'Get to know one another and agree together how the group will work.',
        'Understand depression as a common experience with recognisable parts.',
        'Learn how thoughts, feelings, body sensations and behaviours influence each other.',
      ],
      agenda: [
        {
          title: 'Welcome and introductions',
          minutes: 15,
          facilitatorNotes:
            'Introduce yourselves and the shape of the eight sessions. Invite each person to ' +
            'share their name and one hope for the group, and make clear that passing is fine.',
        },
        {
          title: 'Building the group agreement',
          minutes: 15,
          facilitatorNotes:
            'Agree together on confidentiality and its limits, respect, turn-taking and what ' +
            'happens if someone feels unsafe. Write it down so it can be revisited each week.',
        },
        {
          title: 'What is depression?',
          minutes: 20,
          facilitatorNotes:
            'Describe common changes in mood, thinking, body and behaviour, and how many people ' +
            'experience them. Invite reflections without pressing anyone for personal detail.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'The CBT cycle',
          minutes: 20,
          facilitatorNotes:
            "Draw the cycle using a neutral everyday example first, then map a volunteer's " +
            'example together. Highlight that changing any one part can shift the others.',
        },
        {
          title: 'Home practice and closing round',
          minutes: 10,
          facilitatorNotes:
            'Explain the noticing task for the week. Close with a one-word round on how people ' +
            'are feeling as they leave.',
        },
      ],
      materials: [
        {
          title: 'Understanding depression',
          text:
            'Depression is more than feeling sad for a while. It can affect sleep, appetite, ' +
            'energy and concentration, colour the way we see ourselves and the future, and make ' +
            'it hard to do things we used to enjoy. It is very common, and it is not a sign of ' +
            'weakness or something you have brought on yourself.\n\n' +
            'In this group we focus on the parts of depression we can work with day to day: ' +
            'what we do, and how we think about what happens to us. Small, steady changes in ' +
            'these areas can make a real difference over time.',
        },
        {
          title: 'The thoughts–feelings–behaviours cycle',
          text:
            'CBT looks at how a situation, our thoughts about it, our feelings, our body ' +
            'sensations and our actions all link together. For example, if a friend does not ' +
            'reply to a message, we might think "they must be annoyed with me", feel low and ' +
            'tense, and then avoid getting in touch again. That avoidance can confirm the ' +
            'original worry and keep low mood going.\n\n' +
            'Because each part affects the others, a change in any one of them, such as doing ' +
            'something slightly different or looking at a thought from another angle, can help ' +
            'the whole cycle move in a kinder direction.',
        },
      ],
      exercises: [
        {
          title: 'Mapping the cycle',
          instructions:
            'Think of a recent moment when your mood dipped, even slightly. Note the situation, ' +
            'what went through your mind, what you felt emotionally and in your body, and what ' +
            'you did next. Then look for arrows: how did each part feed into the others?',
          minutes: 15,
        },
      ],
      homework: [
        'Notice one or two moments this week when your mood changed, and jot down the situation, your thoughts, your feelings and what you did.',
        'Look over the group agreement and bring any questions or additions to the next session.',
      ],
    },
    // Session 2
    {
      title: 'Activity and mood',
      goals: [
        'Understand how doing less can keep low mood going.',
        'Begin tracking daily activities alongside mood ratings.',
        'Start to notice links between what we do and how we feel.',
      ],
      agenda: [
        {
          title: 'Check-in and home practice review',
          minutes: 15,
          facilitatorNotes:
            'Invite a brief mood check-in, then ask what people noticed about the cycle this ' +
            'week. Welcome any attempt, and treat difficulties as useful information.',
        },
        {
          title: 'The withdrawal spiral',
          minutes: 15,
          facilitatorNotes:
            'Explain how low mood leads to doing less, which brings fewer rewarding experiences ' +
            'and lowers mood further. Stress that this is an understandable response, not a ' +
            'personal failing.',
        },
        {
          title: 'Introducing behavioural activation',
          minutes: 15,
          facilitatorNotes:
            'Present the idea of acting according to a plan rather than waiting to feel like ' +
            'it. Keep the tone hopeful and practical.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Practising activity and mood monitoring',
          minutes: 25,
          facilitatorNotes:
            'Walk through the monitoring sheet with a sample day, then have everyone fill in ' +
            'yesterday. Encourage rough ratings rather than perfect records.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Agree how often each person will fill in the diary and troubleshoot obstacles. ' +
            'End with a short round of one thing people are taking away.',
        },
      ],
      materials: [
        {
          title: 'Why activity matters',
          text:
            'When we feel low, it is natural to pull back: we cancel plans, stay in, and put ' +
            'off tasks. In the short term this can feel like relief, but over time it removes ' +
            'the things that give us a sense of enjoyment, connection and achievement, and ' +
            'mood tends to sink further.\n\n' +
            'Behavioural activation turns this around gently. Rather than waiting until we feel ' +
            'motivated, we start with small, planned activities and notice what happens to our ' +
            'mood. Motivation often follows action, not the other way round.',
        },
      ],
      exercises: [
        {
          title: 'Yesterday, hour by hour',
          instructions:
            'Using the activity diary, fill in what you did yesterday in roughly hourly blocks. ' +
            'Next to each activity, rate your mood from 0 (lowest) to 10 (best). Look over the ' +
            'day and circle any times when your mood was a little higher or lower than usual.',
          minutes: 20,
        },
      ],
      homework: [
        'Keep the activity and mood diary for at least four days this week, rating your mood next to each activity.',
        'Circle any activities that seemed to lift or lower your mood, ready to share next session.',
      ],
    },
    // Session 3
    {
      title: 'Planning activities',
      goals: [
        'Review what the activity diaries showed about mood.',
        'Identify activities that bring enjoyment and activities that bring a sense of achievement.',
        'Plan the week ahead using small, graded steps.',
      ],
      agenda: [
        {
          title: 'Check-in and diary review',
          minutes: 20,
          facilitatorNotes:
            'Ask what people noticed about links between activity and mood. Value partial ' +
            'diaries; even one day of records can show a pattern.',
        },
        {
          title: 'Pleasure and mastery',
          minutes: 15,
          facilitatorNotes:
            'Explain the two kinds of rewarding activity: those we enjoy and those that give a ' +
            'sense of achievement. Help the group brainstorm examples of each, large and small.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Breaking tasks into steps',
          minutes: 20,
          facilitatorNotes:
            'Model splitting an avoided task into the smallest manageable steps. Emphasise ' +
            'starting with the easiest step and counting each one as a success.',
        },
        {
          title: 'Scheduling the week ahead',
          minutes: 15,
          facilitatorNotes:
            'Have each person plan a few specific activities with a day and time. Encourage a ' +
            'balance of enjoyment and achievement, and keep the plan realistic.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Check that each plan feels doable and discuss what to do if a day does not go to ' +
            'plan. Close with a brief round.',
        },
      ],
      materials: [
        {
          title: 'Pleasant and mastery activities',
          text:
            'Activities that help lift mood tend to fall into two groups. Pleasant activities ' +
            'are things we enjoy or find soothing, such as listening to music, being outdoors or ' +
            'talking with a friend. Mastery activities give a sense of achievement, such as ' +
            'paying a bill, tidying a drawer or cooking a meal.\n\n' +
            'Both matter. A week with only chores can feel draining, and a week with no sense ' +
            'of accomplishment can feel empty. Aim for a mix, and remember that small ' +
            'activities count.',
        },
        {
          title: 'Graded tasks',
          text:
            'When something feels too big, break it into steps so small they feel almost too ' +
            'easy. "Clean the kitchen" might become "clear the table", then "wash five dishes". ' +
            'Each step completed is a success, and it makes the next step more likely.',
        },
      ],
      exercises: [
        {
          title: 'My activity menu',
          instructions:
            'Make two lists: activities you enjoy or used to enjoy, and tasks that would give ' +
            'you a sense of achievement. Include very small items as well as bigger ones. Mark ' +
            'two or three from each list you could try this week.',
          minutes: 10,
        },
        {
          title: 'Step by step',
          instructions:
            'Choose one task you have been putting off. Break it into at least four small ' +
            'steps and write them in order. Pick the first step and decide exactly when you ' +
            'will do it.',
          minutes: 10,
        },
      ],
      homework: [
        'Carry out the activities you scheduled, rating your mood before and after each one.',
        'Complete at least the first step of the task you broke down in session.',
      ],
    },
    // Session 4
    {
      title: 'Automatic thoughts',
      goals: [
        'Recognise automatic thoughts and the effect they have on mood.',
        'Learn the first columns of a thought record.',
        'Practise identifying the "hot" thought behind a strong feeling.',
      ],
      agenda: [
        {
          title: 'Check-in and activity plan review',
          minutes: 15,
          facilitatorNotes:
            'Ask how scheduled activities went and what happened to mood. Help people notice ' +
            'any self-critical commentary about activities that did not happen.',
        },
        {
          title: 'What are automatic thoughts?',
          minutes: 15,
          facilitatorNotes:
            'Describe automatic thoughts as quick, often unnoticed interpretations that feel ' +
            'true. Use an everyday example and show how different thoughts lead to different ' +
            'feelings.',
        },
        {
          title: 'Catching thoughts',
          minutes: 15,
          facilitatorNotes:
            'Guide people to recall a recent mood shift and ask "what was going through my ' +
            'mind just then?" Thoughts can also be images or memories.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Starting a thought record',
          minutes: 25,
          facilitatorNotes:
            'Walk through the situation, feelings and thoughts columns with a group example, ' +
            'then let people try their own. Show how to rate feeling strength and find the ' +
            'hot thought.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Encourage filling in records soon after mood changes. Remind the group that ' +
            'noticing thoughts is the skill; changing them comes next week.',
        },
      ],
      materials: [
        {
          title: 'Automatic thoughts',
          text:
            'Automatic thoughts are the quick interpretations that pop into our minds in ' +
            'response to what happens. They often arrive without effort, feel completely true, ' +
            'and pass before we notice them. When we are low, they tend to be harsher and more ' +
            'negative than the facts warrant.\n\n' +
            'The first step is simply to catch them. When you notice your mood shift, pause and ' +
            'ask: what was going through my mind just then? Writing thoughts down helps us see ' +
            'them as thoughts, rather than as facts.',
        },
      ],
      exercises: [
        {
          title: 'Thought record: the first three columns',
          instructions:
            'Choose a recent moment when your mood dropped. Write down the situation (where, ' +
            'when, who), the feelings you had with a strength rating from 0 to 100, and the ' +
            'thoughts or images that went through your mind. Circle the thought that carries ' +
            'the most emotional charge.',
          minutes: 15,
        },
      ],
      homework: [
        'Complete the first three columns of a thought record at least three times this week.',
        'Keep up one or two planned activities from last week.',
      ],
    },
    // Session 5
    {
      title: 'Thinking traps and balanced thoughts',
      goals: [
        'Recognise common thinking traps.',
        'Weigh the evidence for and against a hot thought.',
        'Build a more balanced alternative thought and notice its effect on mood.',
      ],
      agenda: [
        {
          title: 'Check-in and thought record review',
          minutes: 15,
          facilitatorNotes:
            'Invite people to share a thought they caught, if they wish. Acknowledge how ' +
            'painful some thoughts can be before moving on to working with them.',
        },
        {
          title: 'Common thinking traps',
          minutes: 15,
          facilitatorNotes:
            'Introduce a handful of traps with everyday examples. Keep it light and ' +
            'normalising; everyone falls into these sometimes.',
        },
        {
          title: 'Weighing the evidence',
          minutes: 20,
          facilitatorNotes:
            'Using a volunteer or prepared example, list facts that support and do not support ' +
            'the hot thought. Gently steer towards facts rather than opinions.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Writing a balanced thought',
          minutes: 20,
          facilitatorNotes:
            'Help people combine the evidence into a fair, believable statement rather than a ' +
            'forced positive one. Re-rate the original feeling afterwards.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Introduce the full thought record for the week. Close with a round of one ' +
            'thinking trap people recognise in themselves.',
        },
      ],
      materials: [
        {
          title: 'Thinking traps',
          text:
            'Thinking traps are familiar patterns that can tilt our thoughts in an unhelpful ' +
            'direction. Common ones include all-or-nothing thinking ("if it is not perfect, it ' +
            'is a failure"), mind reading ("they think I am boring"), fortune telling ("it will ' +
            'go badly"), overgeneralising ("this always happens"), discounting the positive, and ' +
            'harsh "should" statements.\n\n' +
            'Spotting a trap does not mean the thought is wrong, but it is a cue to slow down ' +
            'and look at the whole picture.',
        },
        {
          title: 'Finding a balanced thought',
          text:
            'A balanced thought is not simply positive thinking. It takes account of all the ' +
            'evidence, including the difficult parts, and puts it together in a fairer way. A ' +
            'useful question is: what would I say to a friend in this situation? Balanced ' +
            'thoughts often ease the strength of a feeling, even if only a little.',
        },
      ],
      exercises: [
        {
          title: 'Evidence for and against',
          instructions:
            'Take the hot thought from one of your thought records. In one column, list facts ' +
            'that support it; in the other, facts that do not. Then write a balanced thought ' +
            'that takes both columns into account, and re-rate how strongly you feel the ' +
            'original emotion.',
          minutes: 20,
        },
      ],
      homework: [
        'Complete at least two full thought records, including evidence and a balanced thought.',
        'Notice which thinking traps show up most often for you.',
      ],
    },
    // Session 6
    {
      title: 'Core beliefs and behavioural experiments',
      goals: [
        'Understand how deeper beliefs and personal rules can shape automatic thoughts.',
        'Gently explore the beliefs beneath recurring thoughts.',
        'Design a small behavioural experiment to test an unhelpful prediction.',
      ],
      agenda: [
        {
          title: 'Check-in and thought record review',
          minutes: 15,
          facilitatorNotes:
            'Ask how finding balanced thoughts went and what made it easier or harder. Notice ' +
            "themes that repeat across people's thoughts.",
        },
        {
          title: 'Beliefs beneath the thoughts',
          minutes: 15,
          facilitatorNotes:
            'Explain core beliefs and rules for living as long-standing ideas formed by ' +
            'experience. Emphasise compassion: these beliefs once made sense.',
        },
        {
          title: 'The downward arrow',
          minutes: 15,
          facilitatorNotes:
            'Demonstrate asking "if that were true, what would it mean about me?" with a ' +
            'prepared example. Let people work privately and share only if they choose.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Planning a behavioural experiment',
          minutes: 25,
          facilitatorNotes:
            'Help each person choose a prediction, plan a small, safe test and decide what ' +
            'they will look out for. Keep experiments modest so they are likely to happen.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Check that every experiment has a clear when and where. This session can stir ' +
            'things up, so allow time for a settling closing round.',
        },
      ],
      materials: [
        {
          title: 'Core beliefs and rules for living',
          text:
            'Beneath our everyday thoughts sit deeper beliefs about ourselves, other people and ' +
            'the world, such as "I am not good enough" or "people will let me down". They often ' +
            'form early in life and can lead to personal rules like "I must never make ' +
            'mistakes".\n\n' +
            'These beliefs are not facts. They are ideas that made sense given our experiences, ' +
            'and they can be loosened by gathering new evidence over time. Noticing a belief is ' +
            'a first step; there is no need to change it all at once.',
        },
        {
          title: 'Behavioural experiments',
          text:
            'A behavioural experiment tests a thought or prediction by trying something out in ' +
            'real life. You write down what you expect to happen, carry out the experiment, and ' +
            'compare what actually happened with your prediction. Whatever the outcome, you ' +
            'learn something useful.',
        },
      ],
      exercises: [
        {
          title: 'Following the arrow down',
          instructions:
            'Take a hot thought from a recent thought record. Ask yourself, "if this were true, ' +
            'what would it mean about me?" and write down the answer. Repeat two or three times ' +
            'and notice whether a familiar belief appears. Be kind to yourself as you do this.',
          minutes: 10,
        },
        {
          title: 'Design an experiment',
          instructions:
            'Write down a prediction you would like to test and how strongly you believe it, ' +
            'from 0 to 100. Plan a small step that would test it, including when and where. ' +
            'After trying it, note what actually happened and re-rate your belief.',
          minutes: 15,
        },
      ],
      homework: [
        'Carry out your behavioural experiment and record what happened compared with what you predicted.',
        'Notice times during the week when your core belief seems to be switched on.',
      ],
    },
    // Session 7
    {
      title: 'Problem solving',
      goals: [
        'Tell the difference between practical problems and hypothetical worries.',
        'Learn a step-by-step method for tackling problems.',
        'Apply the method to a real, manageable problem.',
      ],
      agenda: [
        {
          title: 'Check-in and experiment review',
          minutes: 15,
          facilitatorNotes:
            'Invite people to share what they predicted and what actually happened. Draw out ' +
            'the learning, including from experiments that did not go as hoped.',
        },
        {
          title: 'Problems and worries',
          minutes: 10,
          facilitatorNotes:
            'Explain the difference between problems we can act on now and "what if" worries. ' +
            'Problem solving works best on the first kind.',
        },
        {
          title: 'The problem-solving steps',
          minutes: 20,
          facilitatorNotes:
            'Walk through the steps with a shared example. Encourage wild ideas during ' +
            'brainstorming and hold off judging them until later.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Working through a problem',
          minutes: 25,
          facilitatorNotes:
            'Have people work in pairs or small groups on a real but manageable problem. ' +
            'Circulate to help keep the problem specific and the first step small.',
        },
        {
          title: 'Home practice and closing',
          minutes: 10,
          facilitatorNotes:
            'Mention that next session is the last and will focus on staying well. Invite ' +
            'people to think about what has helped so far.',
        },
      ],
      materials: [
        {
          title: 'Structured problem solving',
          text:
            'When we feel low, problems can seem bigger and harder to face, and it is easy to ' +
            'get stuck going round in circles. Structured problem solving breaks this down into ' +
            'clear steps: describe the problem specifically, brainstorm as many options as you ' +
            'can, weigh up the pros and cons, choose one, plan the steps, try it, and then ' +
            'review how it went.\n\n' +
            'The aim is not to find a perfect answer, but to take a practical step forward. If ' +
            'the first option does not work, you can return to your list and try another.',
        },
      ],
      exercises: [
        {
          title: 'Solving one problem',
          instructions:
            'Choose a current problem that is specific and within your influence. Write it in ' +
            'one sentence, list at least five possible solutions without judging them, then ' +
            'note the pros and cons of the most promising ones. Pick one and write down the ' +
            'first small step and when you will take it.',
          minutes: 20,
        },
      ],
      homework: [
        'Put your chosen solution into action and review how it went.',
        'Make a note of the skills from the group that have helped you most so far.',
      ],
    },
    // Session 8
    {
      title: 'Staying well and closing',
      goals: [
        'Look back over the skills learned during the group.',
        'Identify personal early warning signs of low mood returning.',
        'Create a personal wellbeing plan and mark the end of the group.',
      ],
      agenda: [
        {
          title: 'Check-in and problem-solving review',
          minutes: 10,
          facilitatorNotes:
            'Keep the review brief, acknowledging effort. Name that this is the final session ' +
            'and that endings can bring up mixed feelings.',
        },
        {
          title: 'Looking back over eight sessions',
          minutes: 15,
          facilitatorNotes:
            'Recap the main skills: the CBT cycle, activity scheduling, thought records, ' +
            'experiments and problem solving. Invite people to share what made a difference.',
        },
        {
          title: 'Early warning signs',
          minutes: 15,
          facilitatorNotes:
            'Help people recognise their own signs that mood may be slipping, such as changes ' +
            'in sleep, withdrawal or particular thoughts. Frame setbacks as normal and ' +
            'manageable.',
        },
        { title: 'Break', minutes: 10 },
        {
          title: 'Building a wellbeing plan',
          minutes: 25,
          facilitatorNotes:
            'Support each person to complete their plan, including who they can reach out to. ' +
            'Share information about further support available through your service.',
        },
        {
          title: 'Closing round',
          minutes: 15,
          facilitatorNotes:
            'Invite each person to share something they are taking with them and, if they ' +
            'wish, a word for the group. Thank everyone for their contribution.',
        },
      ],
      materials: [
        {
          title: 'Setbacks and staying well',
          text:
            'Ups and downs in mood are a normal part of life, and a difficult patch does not ' +
            'mean you are back at the beginning. The skills you have practised are still ' +
            'yours, and they tend to work best when used early.\n\n' +
            'Knowing your personal warning signs, and having a plan ready for when they show ' +
            'up, makes it easier to act before low mood takes hold. Keep your plan somewhere ' +
            'easy to find and share it with someone you trust if that feels right.',
        },
      ],
      exercises: [
        {
          title: 'My wellbeing plan',
          instructions:
            'Write down your early warning signs, the situations that tend to be difficult for ' +
            'you, and the skills and activities that help most. Add the people you can contact ' +
            'for support and the steps you will take if you notice your mood slipping. Keep ' +
            'the plan short enough to use on a hard day.',
          minutes: 20,
        },
      ],
      homework: [
        'Keep your wellbeing plan somewhere easy to reach and look over it once a week.',
        'Choose one skill from the group to keep practising regularly.',
      ],
    },
  ],
};
